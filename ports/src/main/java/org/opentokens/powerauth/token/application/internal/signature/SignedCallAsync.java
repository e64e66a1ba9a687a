package org.opentokens.powerauth.token.application.internal.signature;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.opentokens.powerauth.token.application.internal.ClientExecution;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

/**
 * Starts one operation on the usable activation on the client's executor and destroys its authentication when
 * it ends, however it ends: the pattern every signed call of the host-facing services shares.
 */
public final class SignedCallAsync {
    private final InstanceState state;
    private final Executor executor;

    /**
     * @param state the instance state
     * @param executor runs server calls; a refusal fails the future with {@link ClientClosedException}
     */
    public SignedCallAsync(InstanceState state, Executor executor) {
        this.state = Objects.requireNonNull(state, "state");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * @param authentication consumed when the work ends (or at once if it cannot start); may be null
     * @param work runs on the executor with the usable activation as it was when the call started
     * @param <T> the result
     * @return the work's future
     */
    public <T> CompletableFuture<T> start(PowerAuthAuthentication authentication,
            Function<ActivationRecord, T> work) {
        return start(null, authentication, work);
    }

    /**
     * Like {@link #start(PowerAuthAuthentication, Function)}, for an operation that only protocol 3.x has: on a 4.0
     * activation it fails with {@link FeatureNotSupportedException} before anything is sent or stored.
     *
     * @param v3Feature names the operation in the exception; null when it is not 3.x only
     * @param authentication consumed when the work ends (or at once if it cannot start); may be null
     * @param work runs on the executor with the usable activation as it was when the call started
     * @param <T> the result
     * @return the work's future
     */
    public <T> CompletableFuture<T> start(String v3Feature, PowerAuthAuthentication authentication,
            Function<ActivationRecord, T> work) {
        ActivationRecord activation;
        try {
            if (authentication != null) {
                authentication.checkAlive();
            }
            activation = state.snapshot().requireUsable();
            if (v3Feature != null && activation.isV4()) {
                throw FeatureNotSupportedException.forV4(v3Feature);
            }
        } catch (RuntimeException e) {
            destroy(authentication);
            return CompletableFuture.failedFuture(e);
        }
        return ClientExecution.supplyAsync(() -> {
            try {
                return work.apply(activation);
            } finally {
                destroy(authentication);
            }
        }, executor, () -> destroy(authentication));
    }

    private static void destroy(PowerAuthAuthentication authentication) {
        if (authentication != null) {
            authentication.destroy();
        }
    }
}
