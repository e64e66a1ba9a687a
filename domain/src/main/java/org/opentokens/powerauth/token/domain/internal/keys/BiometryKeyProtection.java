package org.opentokens.powerauth.token.domain.internal.keys;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Aes;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Protects the biometry signature key with a key the host supplies (on mobile, a key released by the OS after a
 * biometric check): AES-128-CBC, no padding, zero IV over the 16-byte key. As with the password, a wrong host
 * key is not detected locally; it yields a wrong signature that the server rejects.
 */
public final class BiometryKeyProtection {

    private BiometryKeyProtection() {
    }

    /**
     * @param biometry the biometry signature key derived from the master secret
     * @param hostKey the host's protecting key
     * @return the 16-byte protected key
     */
    public static byte[] protect(SymmetricKey biometry, SymmetricKey hostKey) {
        return encrypt(biometry, hostKey);
    }

    /**
     * @param protectedKey the 16 bytes from {@link #protect}
     * @param hostKey the host's protecting key
     * @return the biometry signature key (wrong, but well-formed, if the host key is wrong)
     * @throws MalformedDataException if the protected key is not 16 bytes
     */
    public static SymmetricKey unprotect(byte[] protectedKey, SymmetricKey hostKey) {
        Objects.requireNonNull(protectedKey, "protectedKey");
        if (protectedKey.length != SymmetricKey.LENGTH) {
            throw new MalformedDataException("protected biometry key must be 16 bytes, got " + protectedKey.length);
        }
        byte[] plain = null;
        byte[] host = hostKey.copyBytes(InsecureSecretAccess.get());
        try {
            plain = Aes.cbcDecryptNoPadding(host, Aes.zeroIv(), protectedKey);
            return SymmetricKey.of(plain);
        } finally {
            Bytes.wipe(host);
            Bytes.wipe(plain);
        }
    }

    private static byte[] encrypt(SymmetricKey biometry, SymmetricKey hostKey) {
        Objects.requireNonNull(biometry, "biometry");
        byte[] host = hostKey.copyBytes(InsecureSecretAccess.get());
        byte[] plain = biometry.copyBytes(InsecureSecretAccess.get());
        try {
            return Aes.cbcEncryptNoPadding(host, Aes.zeroIv(), plain);
        } finally {
            Bytes.wipe(host);
            Bytes.wipe(plain);
        }
    }
}
