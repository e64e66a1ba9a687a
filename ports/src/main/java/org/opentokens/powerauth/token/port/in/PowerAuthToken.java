package org.opentokens.powerauth.token.port.in;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.signature.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.token.TokenId;

/**
 * A token as the host sees it: its local name, the server's token id, the factors it was created with and its
 * activation. The secret stays inside the store; headers come from
 * {@link PowerAuthTokenStore#generateHeaderForToken(String)}.
 *
 * <p>The factors matter on the server: by default an endpoint protected with {@code @PowerAuthToken} accepts only
 * tokens created with two or more factors.
 */
public final class PowerAuthToken {
    private final String tokenName;
    private final TokenId tokenIdentifier;
    private final PowerAuthSignatureType signatureType;
    private final String activationId;

    /**
     * @param tokenName local name
     * @param tokenIdentifier server token id
     * @param signatureType factors used at creation
     * @param activationId the activation it belongs to
     */
    public PowerAuthToken(String tokenName, TokenId tokenIdentifier, PowerAuthSignatureType signatureType,
            String activationId) {
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
