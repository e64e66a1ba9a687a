package org.opentokens.powerauth.token.wiring;

import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.RecoveryUseCase;

/** Recovery codes as hosts get them: the service, with {@link FailureHints hints} on a failed confirmation. */
final class HintingRecovery implements RecoveryUseCase {
    private final RecoveryUseCase delegate;
    private final FailureHints hints;

    HintingRecovery(RecoveryUseCase delegate, FailureHints hints) {
        this.delegate = delegate;
        this.hints = hints;
    }

    @Override
    public CompletableFuture<Boolean> confirmRecoveryCode(String recoveryCode, PowerAuthAuthentication authentication) {
        if (authentication == null) {
            return delegate.confirmRecoveryCode(recoveryCode, null);
        }
        return hints.explain(delegate.confirmRecoveryCode(recoveryCode, authentication),
                authentication.signatureType(), false);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
