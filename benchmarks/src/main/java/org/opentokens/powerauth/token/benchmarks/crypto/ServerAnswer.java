package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import java.nio.charset.StandardCharsets;

/**
 * Wultra's server answering one activation request (not measured): both layers decrypted, the layer-2 answer
 * encrypted and wrapped into the encrypted layer-1 answer.
 *
 * @param outer the layer-1 response envelope
 * @param inner the layer-2 response envelope carried inside it
 */
record ServerAnswer(EncryptedResponse outer, EncryptedResponse inner) {

    static ServerAnswer to(ActivationState state, EncryptedRequest layer1, EncryptedRequest layer2)
            throws Exception {
        ServerEncryptor outerServer = state.wultraServer(EncryptorId.APPLICATION_SCOPE_GENERIC);
        ServerEncryptor innerServer = state.wultraServer(EncryptorId.ACTIVATION_LAYER_2);
        outerServer.decryptRequest(layer1);
        innerServer.decryptRequest(layer2);
        EncryptedResponse inner = innerServer.encryptResponse(state.layer2Response());
        byte[] layer1Plain = ("{\"activationData\":" + Envelopes.json(inner) + "}").getBytes(StandardCharsets.UTF_8);
        return new ServerAnswer(outerServer.encryptResponse(layer1Plain), inner);
    }
}
