package org.opentokens.powerauth.token.adapter.http.internal;

import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.application.internal.flow.PowerAuthServerContract;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;

/** The adapter passes the server-port contract over real HTTP against the testkit emulator on 127.0.0.1. */
class JavaHttpPowerAuthServerContractTest extends PowerAuthServerContract {

    @Override
    protected PowerAuthServer createServer(PowerAuthEmulator emulator) {
        return new JavaHttpPowerAuthServer(HttpServerConfig.builder().baseUri(emulator.start()).build());
    }
}
