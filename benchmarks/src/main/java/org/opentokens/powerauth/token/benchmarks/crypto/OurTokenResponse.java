package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptor;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesEncryptorId;
import org.opentokens.powerauth.token.domain.internal.ecies.EciesSecrets;

/** Before each measured call: our encryptor after its request, and Wultra's server's response to it. */
@State(Scope.Thread)
public class OurTokenResponse {
    EciesEncryptor encryptor;
    EciesEncryptedResponse response;

    /**
     * @param state the token-create inputs
     * @throws Exception if Wultra's server side fails
     */
    @Setup(Level.Invocation)
    public void prepare(TokenCreateState state) throws Exception {
        EciesSecrets secrets = EciesSecrets.forActivation(state.temporaryKey.publicKey(), state.appSecret,
                state.ourTransport);
        encryptor = EciesEncryptor.create(EciesEncryptorId.CREATE_TOKEN, state.ourParameters, secrets);
        EciesEncryptedRequest request = encryptor.encryptRequest(TokenCreateState.EMPTY_OBJECT,
                state.random.secureRandom(), System.currentTimeMillis());
        ServerEncryptor server = state.wultraServer();
        server.decryptRequest(Envelopes.toWultra(request));
        response = Envelopes.toOurs(server.encryptResponse(state.tokenResponse()));
    }
}
