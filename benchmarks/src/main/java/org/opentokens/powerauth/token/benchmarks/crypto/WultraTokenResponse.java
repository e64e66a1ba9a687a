package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory;
import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Before each measured call: Wultra's client encryptor after its request, and the server's response to it. */
@State(Scope.Thread)
public class WultraTokenResponse {
    ClientEncryptor encryptor;
    EncryptedResponse response;

    /**
     * @param state the token-create inputs
     * @throws Exception if Wultra's classes fail
     */
    @Setup(Level.Invocation)
    public void prepare(TokenCreateState state) throws Exception {
        encryptor = new EncryptorFactory().getClientEncryptor(EncryptorId.CREATE_TOKEN, state.wultraParameters,
                state.wultraClientSecrets);
        EncryptedRequest request = encryptor.encryptRequest(TokenCreateState.EMPTY_OBJECT);
        ServerEncryptor server = state.wultraServer();
        server.decryptRequest(request);
        response = server.encryptResponse(state.tokenResponse());
    }
}
