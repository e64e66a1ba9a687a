package org.opentokens.powerauth.testkit;

/**
 * An application registered in the emulator: what a client app embeds.
 *
 * @param applicationId                  the emulator's identifier of the application
 * @param appKey                         APP_KEY, Base64 of 16 bytes
 * @param appSecret                      APP_SECRET, Base64 of 16 bytes
 * @param masterServerPublicKey          3.x KEY_SERVER_MASTER_PUBLIC, Base64 of the uncompressed 65-byte P-256 point
 * @param masterServerPublicKeyP384      4.0 master ECDSA key, Base64 of the SEC1 P-384 point (what verifies the ES384
 *                                       signature of application-scope temporary keys), or null
 * @param masterServerPublicKeyMlDsa65   4.0 master ML-DSA-65 key ({@code EC_P384_ML_L3}), Base64 of its X.509
 *                                       SubjectPublicKeyInfo, or null
 * @param masterServerPublicKeyMlDsa87   4.0 master ML-DSA-87 key ({@code EC_P384_ML_L5}), Base64 of its X.509
 *                                       SubjectPublicKeyInfo, or null
 */
public record EmulatorApplication(String applicationId, String appKey, String appSecret, String masterServerPublicKey,
        String masterServerPublicKeyP384, String masterServerPublicKeyMlDsa65, String masterServerPublicKeyMlDsa87) {

    /**
     * The 3.x part only, as a 3.x client embeds it.
     *
     * @param applicationId         the emulator's identifier of the application
     * @param appKey                APP_KEY
     * @param appSecret             APP_SECRET
     * @param masterServerPublicKey KEY_SERVER_MASTER_PUBLIC (P-256)
     */
    public EmulatorApplication(String applicationId, String appKey, String appSecret, String masterServerPublicKey) {
        this(applicationId, appKey, appSecret, masterServerPublicKey, null, null, null);
    }

    /**
     * @param mlDsaLevel 65 or 87
     * @return the 4.0 master ML-DSA public key of that level, Base64 SubjectPublicKeyInfo
     * @throws IllegalArgumentException for another level
     */
    public String masterServerPublicKeyMlDsa(int mlDsaLevel) {
        return switch (mlDsaLevel) {
            case 65 -> masterServerPublicKeyMlDsa65;
            case 87 -> masterServerPublicKeyMlDsa87;
            default -> throw new IllegalArgumentException("ML-DSA level must be 65 or 87: " + mlDsaLevel);
        };
    }

    /** Identifiers only; the app secret stays out of logs. */
    @Override
    public String toString() {
        return "EmulatorApplication[" + applicationId + ", appKey=" + appKey + "]";
    }
}
