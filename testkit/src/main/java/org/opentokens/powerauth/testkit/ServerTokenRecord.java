package org.opentokens.powerauth.testkit;

/** A token the emulator issued, with its secret; {@link EmulatorToken} is the snapshot tests read. */
final class ServerTokenRecord {

    private final String tokenId;
    private final byte[] secret;
    private final String activationId;
    private final String signatureType;
    private final boolean v4;

    /** A 3.x token. */
    ServerTokenRecord(String tokenId, byte[] secret, String activationId, String signatureType) {
        this(tokenId, secret, activationId, signatureType, null);
    }

    /** A token created over {@code protocolVersion} ("4.0" for a 4.0 token, anything else for 3.x). */
    ServerTokenRecord(String tokenId, byte[] secret, String activationId, String signatureType,
            String protocolVersion) {
        this.tokenId = tokenId;
        this.secret = secret.clone();
        this.activationId = activationId;
        this.signatureType = signatureType;
        this.v4 = V4Crypto.VERSION.equals(protocolVersion);
    }

    /** @return whether the token was created over 4.0 (its headers must then say 4.0, and 3.x ones must not) */
    boolean isV4() {
        return v4;
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
        return "ServerTokenRecord[" + tokenId + "]";
    }
}
