package org.opentokens.powerauth.token.application.internal.flow;

import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.out.EmulatorPowerAuthServer;

class EmulatorPowerAuthServerTest extends PowerAuthServerContract {

    @Override
    protected PowerAuthServer createServer(PowerAuthEmulator emulator) {
        return new EmulatorPowerAuthServer(emulator);
    }
}
