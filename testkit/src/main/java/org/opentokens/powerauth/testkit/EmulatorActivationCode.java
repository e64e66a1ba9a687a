package org.opentokens.powerauth.testkit;

/**
 * A fresh activation code, as a back office would hand it to a user. The code serves a 3.x or a 4.0 client; it
 * carries a signature for each.
 *
 * @param activationId              the activation the code belongs to
 * @param activationCode            the code, {@code XXXXX-XXXXX-XXXXX-XXXXX}
 * @param activationSignature       3.x: Base64 of the DER ECDSA-SHA256 signature of the code by the P-256 master
 *                                  private key
 * @param qrPayload                 {@code activationCode + "#" + activationSignature}
 * @param activationSignatureP384   4.0: Base64 of the DER ECDSA-SHA384 signature of the code by the P-384 master
 *                                  key (Wultra 2.0.1's {@code generateActivationSignatureEcdsa}), or null
 * @param activationSignatureMlDsa65 4.0: Base64 of the ML-DSA-65 signature of the code by the master ML-DSA-65 key
 *                                  ({@code generateActivationSignatureMldsa}), or null
 * @param activationSignatureMlDsa87 4.0: the same with the master ML-DSA-87 key, or null
 */
public record EmulatorActivationCode(String activationId, String activationCode, String activationSignature,
        String qrPayload, String activationSignatureP384, String activationSignatureMlDsa65,
        String activationSignatureMlDsa87) {

    /**
     * A code with its 3.x signature only.
     *
     * @param activationId        the activation the code belongs to
     * @param activationCode      the code
     * @param activationSignature the 3.x signature
     * @param qrPayload           code and 3.x signature
     */
    public EmulatorActivationCode(String activationId, String activationCode, String activationSignature,
            String qrPayload) {
        this(activationId, activationCode, activationSignature, qrPayload, null, null, null);
    }
}
