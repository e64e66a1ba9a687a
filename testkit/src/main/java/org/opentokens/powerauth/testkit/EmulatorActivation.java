package org.opentokens.powerauth.testkit;

/**
 * A snapshot of one activation on the server side.
 *
 * @param activationId          activation ID
 * @param applicationId         owning application
 * @param state                 current state
 * @param failedAttempts        failed signature attempts since the last reset
 * @param maxFailedAttempts     attempts that block the activation
 * @param counter               how many counter steps the server has accepted (its CTR_BYTE is the low byte)
 * @param ctrDataBase64         the server's current CTR_DATA, Base64, or null before key exchange
 * @param devicePublicKeyBase64 device public key as received, Base64, or null before key exchange
 * @param lastSignatureType     type of the last signature that verified, or null
 * @param protocolVersion       protocol version of the key exchange, or null before it
 */
public record EmulatorActivation(String activationId, String applicationId, EmulatorActivationState state,
        int failedAttempts, int maxFailedAttempts, long counter, String ctrDataBase64, String devicePublicKeyBase64,
        String lastSignatureType, String protocolVersion) {

    /** Identifiers and counts only; the counter data stays out of logs. */
    @Override
    public String toString() {
        return "EmulatorActivation[" + activationId + ", " + state + ", failedAttempts=" + failedAttempts + "/"
                + maxFailedAttempts + ", counter=" + counter + ", version=" + protocolVersion + "]";
    }
}
