package org.opentokens.powerauth.token.port.in;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;

/**
 * A token as the host sees it: its local name, the server's token id, the factors it was created with and its
 * activation. The secret stays inside the store: a token handed out by a store keeps a reference to that store
 * only, and {@link #generateHeader()} asks it for a header of exactly this token (as
 * {@link PowerAuthTokenStore#generateHeaderForToken(PowerAuthToken)}). A token built by the host is detached: it
 * can generate no header. Equality ignores the store.
 *
 * <p>The factors matter on the server: by default an endpoint protected with {@code @PowerAuthToken} accepts only
 * tokens created with two or more factors.
 */
public final class PowerAuthToken {
    private final String tokenName;
    private final TokenId tokenIdentifier;
    private final PowerAuthSignatureType signatureType;
    private final String activationId;
    private final PowerAuthTokenStore store;

    /**
     * @param tokenName local name
     * @param tokenIdentifier server token id
     * @param signatureType factors used at creation
     * @param activationId the activation it belongs to
     */
    public PowerAuthToken(String tokenName, TokenId tokenIdentifier, PowerAuthSignatureType signatureType,
            String activationId) {
        this(tokenName, tokenIdentifier, signatureType, activationId, null);
    }

    /**
     * @param tokenName local name
     * @param tokenIdentifier server token id
     * @param signatureType factors used at creation
     * @param activationId the activation it belongs to
     * @param store the store that holds it, which {@link #generateHeader()} asks; null for a detached token
     */
    public PowerAuthToken(String tokenName, TokenId tokenIdentifier, PowerAuthSignatureType signatureType,
            String activationId, PowerAuthTokenStore store) {
        this.store = store;
        this.tokenName = Objects.requireNonNull(tokenName, "tokenName");
        this.tokenIdentifier = Objects.requireNonNull(tokenIdentifier, "tokenIdentifier");
        this.signatureType = Objects.requireNonNull(signatureType, "signatureType");
        this.activationId = Objects.requireNonNull(activationId, "activationId");
    }

    /** @return the local name */
    public String tokenName() {
        return tokenName;
    }

    /** @return the server's token id */
    public TokenId tokenIdentifier() {
        return tokenIdentifier;
    }

    /** @return the factors the token was created with */
    public PowerAuthSignatureType signatureType() {
        return signatureType;
    }

    /** @return the activation the token belongs to */
    public String activationId() {
        return activationId;
    }

    /**
     * @return true if this token came from a store that still holds it (not removed, not replaced by another
     *     token of the same name, its activation still usable)
     */
    public boolean canGenerateHeader() {
        if (store == null) {
            return false;
        }
        return store.getLocalToken(tokenName).map(local -> local.tokenIdentifier.equals(tokenIdentifier))
                .orElse(false);
    }

    /**
     * A fresh {@code X-PowerAuth-Token} header for this token, from the store that handed it out; see
     * {@link PowerAuthTokenStore#generateHeaderForToken(PowerAuthToken)}.
     *
     * @return the header
     * @throws TokenNotFoundException if the token is detached, or its store no longer holds it
     * @throws MissingActivationException if there is no committed activation
     */
    public PowerAuthAuthorizationHttpHeader generateHeader() {
        if (store == null) {
            throw new TokenNotFoundException("token '" + tokenName + "' was not handed out by a token store");
        }
        return store.generateHeaderForToken(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowerAuthToken t && tokenName.equals(t.tokenName)
                && tokenIdentifier.equals(t.tokenIdentifier) && signatureType == t.signatureType
                && activationId.equals(t.activationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokenName, tokenIdentifier, signatureType, activationId);
    }

    @Override
    public String toString() {
        return "PowerAuthToken[name=" + tokenName + ", id=" + tokenIdentifier + ", signatureType=" + signatureType + "]";
    }
}
