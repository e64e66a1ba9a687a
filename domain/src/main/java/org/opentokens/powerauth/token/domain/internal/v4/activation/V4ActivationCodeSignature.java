package org.opentokens.powerauth.token.domain.internal.v4.activation;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;

/**
 * Verifies the signature of a 4.0 activation code: ECDSA-SHA384 (DER) by the master P-384 key, or ML-DSA by the master
 * ML-DSA key, over the UTF-8 bytes of the code.
 */
public final class V4ActivationCodeSignature {
    private V4ActivationCodeSignature() {
    }

    /**
     * @param activationCode the code, e.g. {@code "VVVVV-VVVVV-VVVVV-VTFVA"}
     * @param derSignature the DER ECDSA signature
     * @param masterEcPublicKey the application's master P-384 public key
     * @throws InvalidActivationCodeException with reason SIGNATURE if the signature is malformed or does not verify
     */
    public static void verifyEcdsa(String activationCode, byte[] derSignature, P384PublicKey masterEcPublicKey) {
        Objects.requireNonNull(activationCode, "activationCode");
        Objects.requireNonNull(masterEcPublicKey, "masterEcPublicKey");
        try {
            masterEcPublicKey.verifyDer(activationCode.getBytes(StandardCharsets.UTF_8), derSignature);
        } catch (MalformedDataException | CryptoFailureException e) {
            throw new InvalidActivationCodeException(InvalidActivationCodeException.Reason.SIGNATURE,
                    "activation code ECDSA signature does not verify", e);
        }
    }

    /**
     * @param activationCode the code
     * @param signature the raw ML-DSA signature
     * @param masterMlDsaPublicKey the application's master ML-DSA public key
     * @throws InvalidActivationCodeException with reason SIGNATURE if the signature does not verify
     */
    public static void verifyMlDsa(String activationCode, byte[] signature, MlDsaPublicKey masterMlDsaPublicKey) {
        Objects.requireNonNull(activationCode, "activationCode");
        Objects.requireNonNull(masterMlDsaPublicKey, "masterMlDsaPublicKey");
        try {
            masterMlDsaPublicKey.verify(activationCode.getBytes(StandardCharsets.UTF_8), signature);
        } catch (CryptoFailureException e) {
            throw new InvalidActivationCodeException(InvalidActivationCodeException.Reason.SIGNATURE,
                    "activation code ML-DSA signature does not verify", e);
        }
    }
}
