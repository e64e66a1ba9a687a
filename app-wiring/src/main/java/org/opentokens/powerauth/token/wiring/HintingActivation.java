package org.opentokens.powerauth.token.wiring;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.port.in.ActivationUseCase;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationResult;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

/** The activation API as hosts get it: the service, with {@link FailureHints hints} on a failed removal. */
final class HintingActivation implements ActivationUseCase {
    private final ActivationUseCase delegate;
    private final FailureHints hints;

    HintingActivation(ActivationUseCase delegate, FailureHints hints) {
        this.delegate = delegate;
        this.hints = hints;
    }

    @Override
    public CompletableFuture<PowerAuthActivationResult> createActivation(PowerAuthActivation activation) {
        return delegate.createActivation(activation);
    }

    @Override
    public void commitActivation(PowerAuthAuthentication authentication) {
        delegate.commitActivation(authentication);
    }

    @Override
    public CompletableFuture<PowerAuthActivationStatus> fetchActivationStatus() {
        return delegate.fetchActivationStatus();
    }

    @Override
    public CompletableFuture<Void> removeActivation(PowerAuthAuthentication authentication) {
        if (authentication == null) {
            return delegate.removeActivation(null);
        }
        return hints.explain(delegate.removeActivation(authentication), authentication.signatureType(), false);
    }

    @Override
    public void removeActivationLocal() {
        delegate.removeActivationLocal();
    }

    @Override
    public LocalActivationState localState() {
        return delegate.localState();
    }

    @Override
    public boolean hasValidActivation() {
        return delegate.hasValidActivation();
    }

    @Override
    public Optional<String> activationIdentifier() {
        return delegate.activationIdentifier();
    }

    @Override
    public Optional<String> activationFingerprint() {
        return delegate.activationFingerprint();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
