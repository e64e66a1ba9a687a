package org.opentokens.powerauth.token.adapter.http;

import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.application.flow.PowerAuthServerContract;
import org.opentokens.powerauth.token.port.out.PowerAuthServer;

/** The adapter passes the server-port contract over real HTTP against the testkit emulator on 127.0.0.1. */
class JavaHttpPowerAuthServerContractTest extends PowerAuthServerContract {

    @Override
    protected PowerAuthServer createServer(PowerAuthEmulator emulator) {
        return new JavaHttpPowerAuthServer(HttpServerConfig.builder().baseUri(emulator.start()).build());
    }
}
