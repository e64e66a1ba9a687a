package org.opentokens.powerauth.token.benchmarks.crypto;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;

/** Before each measured call: our request half of an activation, and the server's answer to it. */
@State(Scope.Thread)
public class OurActivationResponse {
    OurActivation activation;
    EciesEncryptedResponse outer;
    EciesEncryptedResponse inner;

    /**
     * @param state the activation inputs
     * @throws Exception if Wultra's server side fails
     */
    @Setup(Level.Invocation)
    public void prepare(ActivationState state) throws Exception {
        activation = OurActivation.start(state);
        ServerAnswer answer = ServerAnswer.to(state, Envelopes.toWultra(activation.outer),
                Envelopes.toWultra(activation.inner));
        outer = Envelopes.toOurs(answer.outer());
        inner = Envelopes.toOurs(answer.inner());
    }
}
