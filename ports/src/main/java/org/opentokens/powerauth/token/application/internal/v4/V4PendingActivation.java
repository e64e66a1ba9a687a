package org.opentokens.powerauth.token.application.internal.v4;

import java.util.Objects;
import org.opentokens.powerauth.token.application.internal.CreatedActivation;
import org.opentokens.powerauth.token.domain.internal.v4.activation.V4ActivationResult;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;

/** A created 4.0 activation waiting for the local commit (and the confirm that goes with it); memory only. */
public final class V4PendingActivation implements CreatedActivation {
    private final V4ActivationResult result;
    private V4HashCounter advanced;

    V4PendingActivation(V4ActivationResult result) {
        this.result = Objects.requireNonNull(result, "result");
    }

    @Override
    public String activationId() {
        return result.activationId();
    }

    @Override
    public String fingerprint() {
        return result.fingerprint();
    }

    V4ActivationResult result() {
        return result;
    }

    /** @return the counter a commit starts from: the server's initial one, or where a failed confirm left it */
    synchronized V4HashCounter counter() {
        return advanced != null ? advanced : result.counter();
    }

    /**
     * Keeps the counter a failed confirm advanced to, so that a retried commit does not reuse it.
     *
     * @param counter the counter as stored after the failed confirm; owned from now on
     */
    public synchronized void advanceCounter(V4HashCounter counter) {
        if (advanced != null) {
            advanced.destroy();
        }
        advanced = counter;
    }

    @Override
    public synchronized void destroy() {
        result.destroy();
        if (advanced != null) {
            advanced.destroy();
        }
    }

    @Override
    public String toString() {
        return "V4PendingActivation[" + result.activationId() + "]";
    }
}
