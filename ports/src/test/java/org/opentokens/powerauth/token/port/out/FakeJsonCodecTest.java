package org.opentokens.powerauth.token.port.out;

import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/** The service tests' JSON double keeps to the same contract as the production codec. */
class FakeJsonCodecTest extends JsonCodecContract {

    @Override
    protected JsonCodec createCodec() {
        return new FakeJsonCodec();
    }
}
