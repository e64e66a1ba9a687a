package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Before each measured call: Wultra's request half of an activation, and the server's answer to it. */
@State(Scope.Thread)
public class WultraActivationResponse {
    WultraActivation activation;
    EncryptedResponse outer;
    EncryptedResponse inner;

    /**
     * @param state the activation inputs
     * @throws Exception if Wultra's classes fail
     */
    @Setup(Level.Invocation)
    public void prepare(ActivationState state) throws Exception {
        activation = WultraActivation.start(state);
        ServerAnswer answer = ServerAnswer.to(state, activation.outer, activation.inner);
        outer = answer.outer();
        inner = answer.inner();
    }
}
