package org.opentokens.powerauth.testkit;

/**
 * An application registered in the emulator: what a client app embeds.
 *
 * @param applicationId         the emulator's identifier of the application
 * @param appKey                APP_KEY, Base64 of 16 bytes
 * @param appSecret             APP_SECRET, Base64 of 16 bytes
 * @param masterServerPublicKey KEY_SERVER_MASTER_PUBLIC, Base64 of the uncompressed 65-byte P-256 point
 */
public record EmulatorApplication(String applicationId, String appKey, String appSecret, String masterServerPublicKey) {

    /** Identifiers only; the app secret stays out of logs. */
    @Override
    public String toString() {
        return "EmulatorApplication[" + applicationId + ", appKey=" + appKey + "]";
    }
}
