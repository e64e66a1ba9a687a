package org.opentokens.powerauth.testkit;

/** A token and its secret. */
final class TokenRecord {

    private final String tokenId;
    private final byte[] secret;
    private final String activationId;
    private final String signatureType;

    TokenRecord(String tokenId, byte[] secret, String activationId, String signatureType) {
        this.tokenId = tokenId;
        this.secret = secret.clone();
        this.activationId = activationId;
        this.signatureType = signatureType;
    }

    String tokenId() {
        return tokenId;
    }

    byte[] secret() {
        return secret.clone();
    }

    String activationId() {
        return activationId;
    }

    String signatureType() {
        return signatureType;
    }

    EmulatorToken toApi() {
        return new EmulatorToken(tokenId, activationId, signatureType);
    }

    @Override
    public String toString() {
        return "TokenRecord[" + tokenId + "]";
    }
}
