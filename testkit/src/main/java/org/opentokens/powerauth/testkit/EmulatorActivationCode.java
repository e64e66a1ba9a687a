package org.opentokens.powerauth.testkit;

/**
 * A fresh activation code, as a back office would hand it to a user.
 *
 * @param activationId        the activation the code belongs to
 * @param activationCode      the code, {@code XXXXX-XXXXX-XXXXX-XXXXX}
 * @param activationSignature Base64 of the DER ECDSA-SHA256 signature of the code by the master private key
 * @param qrPayload           {@code activationCode + "#" + activationSignature}
 */
public record EmulatorActivationCode(String activationId, String activationCode, String activationSignature,
        String qrPayload) {
}
