package org.opentokens.powerauth.token.wiring;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;

/** The token store as hosts get it: the service, with {@link FailureHints hints} on failed token requests. */
final class HintingTokenStore implements PowerAuthTokenStore {
    private final PowerAuthTokenStore delegate;
    private final FailureHints hints;

    HintingTokenStore(PowerAuthTokenStore delegate, FailureHints hints) {
        this.delegate = delegate;
        this.hints = hints;
    }

    @Override
    public CompletableFuture<PowerAuthToken> requestAccessToken(String tokenName,
            PowerAuthAuthentication authentication) {
        if (authentication == null) {
            return delegate.requestAccessToken(tokenName, null);
        }
        return hints.explain(delegate.requestAccessToken(tokenName, authentication), authentication.signatureType(),
                true);
    }

    @Override
    public boolean hasLocalToken(String tokenName) {
        return delegate.hasLocalToken(tokenName);
    }

    @Override
    public Optional<PowerAuthToken> getLocalToken(String tokenName) {
        return delegate.getLocalToken(tokenName);
    }

    @Override
    public Set<String> localTokenNames() {
        return delegate.localTokenNames();
    }

    @Override
    public PowerAuthAuthorizationHttpHeader generateHeaderForToken(String tokenName) {
        return delegate.generateHeaderForToken(tokenName);
    }

    @Override
    public CompletableFuture<Void> removeAccessToken(String tokenName) {
        return delegate.removeAccessToken(tokenName);
    }

    @Override
    public boolean removeLocalToken(String tokenName) {
        return delegate.removeLocalToken(tokenName);
    }

    @Override
    public void removeAllLocalTokens() {
        delegate.removeAllLocalTokens();
    }

    @Override
    public boolean canRequestForAccessToken() {
        return delegate.canRequestForAccessToken();
    }

    @Override
    public PowerAuthAuthorizationHttpHeader generateHeaderForToken(PowerAuthToken token) {
        return delegate.generateHeaderForToken(token);
    }

    @Override
    public CompletableFuture<PowerAuthToken> ensureToken(String tokenName, PowerAuthAuthentication authentication) {
        if (authentication == null) {
            return delegate.ensureToken(tokenName, null);
        }
        return hints.explain(delegate.ensureToken(tokenName, authentication), authentication.signatureType(), true);
    }

    @Override
    public CompletableFuture<Integer> flushPendingRemovals() {
        return delegate.flushPendingRemovals();
    }

    @Override
    public int pendingRemovalCount() {
        return delegate.pendingRemovalCount();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
