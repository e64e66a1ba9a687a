package org.opentokens.powerauth.token.domain.internal.keys;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Aes;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Protects the 32-byte protocol 4.0 knowledge and biometry keys at rest, as {@link KnowledgeKeyProtection} and
 * {@link BiometryKeyProtection} protect the 3.x ones: the same PBKDF2 password key (or the host's biometry key)
 * encrypts the two 16-byte blocks with AES-128-CBC, no padding, zero IV. This is local storage, not protocol, so
 * the 3.x construction is kept; as there, a wrong password or host key is not detected locally but yields a wrong
 * key whose authentication code the server rejects and counts.
 */
public final class V4FactorKeyProtection {

    private V4FactorKeyProtection() {
    }

    /**
     * @param key the 4.0 knowledge key
     * @param password the password; not modified
     * @param salt16 16 random bytes, stored next to the result
     * @param iterations PBKDF2 iterations, at least 1
     * @return the 32-byte protected key
     * @throws MalformedDataException as {@link KnowledgeKeyProtection#deriveFromPassword}
     */
    public static byte[] protectKnowledge(V4SymmetricKey key, char[] password, byte[] salt16, int iterations) {
        SymmetricKey kek = KnowledgeKeyProtection.deriveFromPassword(password, salt16, iterations);
        try {
            return run(true, kek, key.copyBytes(InsecureSecretAccess.get()));
        } finally {
            kek.destroy();
        }
    }

    /**
     * @param protectedKey the 32 bytes from {@link #protectKnowledge}
     * @param password the password; not modified
     * @param salt16 the salt
     * @param iterations the iterations used
     * @return the knowledge key (wrong, but well-formed, if the password is wrong)
     * @throws MalformedDataException if the protected key is not 32 bytes, or as {@link #protectKnowledge}
     */
    public static V4SymmetricKey unprotectKnowledge(byte[] protectedKey, char[] password, byte[] salt16,
            int iterations) {
        check(protectedKey, "knowledge");
        SymmetricKey kek = KnowledgeKeyProtection.deriveFromPassword(password, salt16, iterations);
        try {
            return V4SymmetricKey.takeOwnership(run(false, kek, protectedKey.clone()));
        } finally {
            kek.destroy();
        }
    }

    /**
     * @param key the 4.0 biometry key
     * @param hostKey the host's 16-byte protecting key
     * @return the 32-byte protected key
     */
    public static byte[] protectBiometry(V4SymmetricKey key, SymmetricKey hostKey) {
        return run(true, hostKey, key.copyBytes(InsecureSecretAccess.get()));
    }

    /**
     * @param protectedKey the 32 bytes from {@link #protectBiometry}
     * @param hostKey the host's protecting key
     * @return the biometry key (wrong, but well-formed, if the host key is wrong)
     * @throws MalformedDataException if the protected key is not 32 bytes
     */
    public static V4SymmetricKey unprotectBiometry(byte[] protectedKey, SymmetricKey hostKey) {
        check(protectedKey, "biometry");
        return V4SymmetricKey.takeOwnership(run(false, hostKey, protectedKey.clone()));
    }

    private static void check(byte[] protectedKey, String what) {
        Objects.requireNonNull(protectedKey, "protectedKey");
        if (protectedKey.length != V4SymmetricKey.LENGTH) {
            throw new MalformedDataException("protected 4.0 " + what + " key must be 32 bytes, got "
                    + protectedKey.length);
        }
    }

    /** Encrypts or decrypts {@code data} (wiped here) under {@code key}. */
    private static byte[] run(boolean encrypt, SymmetricKey key, byte[] data) {
        Objects.requireNonNull(key, "key");
        byte[] raw = key.copyBytes(InsecureSecretAccess.get());
        try {
            return encrypt ? Aes.cbcEncryptNoPadding(raw, Aes.zeroIv(), data)
                    : Aes.cbcDecryptNoPadding(raw, Aes.zeroIv(), data);
        } finally {
            Bytes.wipe(raw);
            Bytes.wipe(data);
        }
    }
}
