package org.opentokens.powerauth.token.domain.internal.activation;

import java.util.Objects;
import org.bouncycastle.util.BigIntegers;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.Sha256;

/**
 * The 8-digit activation fingerprint (protocol 3.x) that a user may compare between the device and the
 * back office to detect a tampered key exchange.
 *
 * <p>{@code SHA256(devX || utf8(activationId) || srvX)}, where each X is the public key's affine X coordinate as
 * a minimal unsigned big-endian integer (leading zero bytes stripped); the last four hash bytes are read as a
 * big-endian int, masked with {@code 0x7FFFFFFF}, reduced modulo 10^8 and zero-padded to 8 digits.
 */
public final class ActivationFingerprint {
    private static final int MODULUS = 100_000_000;

    private ActivationFingerprint() {
    }

    /**
     * @param devicePublic the device public key
     * @param serverPublic the server public key received in the activation response
     * @param activationId the activation ID received in the activation response
     * @return the fingerprint, exactly 8 decimal digits
     */
    public static String compute(EcPublicKey devicePublic, EcPublicKey serverPublic, String activationId) {
        Objects.requireNonNull(devicePublic, "devicePublic");
        Objects.requireNonNull(serverPublic, "serverPublic");
        Objects.requireNonNull(activationId, "activationId");
        byte[] hash = Sha256.hash(
                BigIntegers.asUnsignedByteArray(devicePublic.xAsInteger()),
                Bytes.utf8(activationId),
                BigIntegers.asUnsignedByteArray(serverPublic.xAsInteger()));
        int n = hash.length;
        int tail = ((hash[n - 4] & 0xFF) << 24) | ((hash[n - 3] & 0xFF) << 16)
                | ((hash[n - 2] & 0xFF) << 8) | (hash[n - 1] & 0xFF);
        return String.format("%08d", (tail & 0x7FFFFFFF) % MODULUS);
    }
}
