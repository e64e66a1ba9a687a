package org.opentokens.powerauth.token.domain.error;

/**
 * A signature was requested for a type whose factor key is not available, for example
 * {@code possession_knowledge} without an unlocked knowledge key.
 *
 * <p>The message names the missing factor only.
 */
public final class SignatureFactorMissingException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    private final String factor;

    /**
     * @param factor the missing factor: {@code "possession"}, {@code "knowledge"} or {@code "biometry"}
     * @param signatureType the wire value of the requested signature type
     */
    public SignatureFactorMissingException(String factor, String signatureType) {
        super("signature type " + signatureType + " needs the " + factor + " key, which is not available");
        this.factor = factor;
    }

    /** @return the missing factor: {@code "possession"}, {@code "knowledge"} or {@code "biometry"} */
    public String factor() {
        return factor;
    }
}
