package org.opentokens.powerauth.token.domain.internal.keys;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Aes;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * Protects the knowledge signature key with the user's password (PIN), as the reference clients do: a key from
 * {@code PBKDF2-HMAC-SHA1(utf8(password), salt16, iterations, 128 bits)} encrypts it with AES-128-CBC, no padding,
 * zero IV. A wrong password is therefore not detected (the server rejects the signature and counts an attempt): the
 * protocol's defence against offline guessing. An empty password is rejected, as in Wultra's reference code.
 */
public final class KnowledgeKeyProtection {
    /** Default PBKDF2 iteration count (mobile SDK {@code PBKDF2_PASS_ITERATIONS}). */
    public static final int DEFAULT_ITERATIONS = 10_000;
    /** Required salt length in bytes. */
    public static final int SALT_LENGTH = 16;

    private KnowledgeKeyProtection() {
    }

    /**
     * Encrypts the knowledge key with a password-derived key, using {@value #DEFAULT_ITERATIONS} iterations.
     *
     * @param knowledge the knowledge signature key
     * @param password the user's password; not modified
     * @param salt16 16 random bytes, stored next to the result
     * @return the 16-byte protected key
     * @throws MalformedDataException if the salt is not 16 bytes or the password is empty or not valid UTF-16
     */
    public static byte[] protect(SymmetricKey knowledge, char[] password, byte[] salt16) {
        return protect(knowledge, password, salt16, DEFAULT_ITERATIONS);
    }

    /**
     * Encrypts the knowledge key with a password-derived key.
     *
     * @param knowledge the knowledge signature key
     * @param password the user's password; not modified
     * @param salt16 16 random bytes, stored next to the result
     * @param iterations PBKDF2 iteration count, at least 1
     * @return the 16-byte protected key
     * @throws MalformedDataException if the salt is not 16 bytes, the iteration count is below 1 or the password
     *     is empty or not valid UTF-16
     */
    public static byte[] protect(SymmetricKey knowledge, char[] password, byte[] salt16, int iterations) {
        Objects.requireNonNull(knowledge, "knowledge");
        byte[] passwordKey = passwordKeyBytes(password, salt16, iterations);
        byte[] plain = knowledge.copyBytes(InsecureSecretAccess.get());
        try {
            return Aes.cbcEncryptNoPadding(passwordKey, Aes.zeroIv(), plain);
        } finally {
            Bytes.wipe(passwordKey);
            Bytes.wipe(plain);
        }
    }

    /**
     * Decrypts a protected knowledge key with {@value #DEFAULT_ITERATIONS} iterations. A wrong password yields a
     * wrong key without any error.
     *
     * @param protectedKey the 16 bytes from {@link #protect}
     * @param password the user's password; not modified
     * @param salt16 the salt used when protecting
     * @return the knowledge key (wrong, but well-formed, if the password is wrong)
     * @throws MalformedDataException if the protected key or salt is not 16 bytes, or the password is not valid
     *     UTF-16
     */
    public static SymmetricKey unprotect(byte[] protectedKey, char[] password, byte[] salt16) {
        return unprotect(protectedKey, password, salt16, DEFAULT_ITERATIONS);
    }

    /**
     * Decrypts a protected knowledge key. A wrong password yields a wrong key without any error.
     *
     * @param protectedKey the 16 bytes from {@link #protect}
     * @param password the user's password; not modified
     * @param salt16 the salt used when protecting
     * @param iterations the iteration count used when protecting
     * @return the knowledge key (wrong, but well-formed, if the password is wrong)
     * @throws MalformedDataException if the protected key or salt is not 16 bytes, the iteration count is below
     *     1 or the password is empty or not valid UTF-16
     */
    public static SymmetricKey unprotect(byte[] protectedKey, char[] password, byte[] salt16, int iterations) {
        Objects.requireNonNull(protectedKey, "protectedKey");
        if (protectedKey.length != SymmetricKey.LENGTH) {
            throw new MalformedDataException("protected knowledge key must be 16 bytes, got " + protectedKey.length);
        }
        byte[] passwordKey = passwordKeyBytes(password, salt16, iterations);
        byte[] plain = null;
        try {
            plain = Aes.cbcDecryptNoPadding(passwordKey, Aes.zeroIv(), protectedKey);
            return SymmetricKey.of(plain);
        } finally {
            Bytes.wipe(passwordKey);
            Bytes.wipe(plain);
        }
    }

    /**
     * The password-derived key alone: {@code PBKDF2-HMAC-SHA1(utf8(password), salt, iterations)}, 128 bits.
     *
     * @param password the password; not modified
     * @param salt16 16 bytes of salt
     * @param iterations iteration count, at least 1
     * @return the 16-byte key
     * @throws MalformedDataException if the salt is not 16 bytes, the iteration count is below 1 or the password
     *     is empty or not valid UTF-16
     */
    public static SymmetricKey deriveFromPassword(char[] password, byte[] salt16, int iterations) {
        byte[] raw = passwordKeyBytes(password, salt16, iterations);
        try {
            return SymmetricKey.of(raw);
        } finally {
            Bytes.wipe(raw);
        }
    }

    private static byte[] passwordKeyBytes(char[] password, byte[] salt16, int iterations) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt16, "salt16");
        if (salt16.length != SALT_LENGTH) {
            throw new MalformedDataException("password salt must be 16 bytes, got " + salt16.length);
        }
        if (iterations < 1) {
            throw new MalformedDataException("PBKDF2 iteration count must be at least 1");
        }
        if (password.length == 0) {
            throw new MalformedDataException("password must not be empty");
        }
        byte[] passwordBytes;
        try {
            passwordBytes = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
        } catch (RuntimeException e) {
            throw new MalformedDataException("password is not valid UTF-16 text");
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA1Digest());
        try {
            generator.init(passwordBytes, salt16, iterations);
            KeyParameter key = (KeyParameter) generator.generateDerivedParameters(SymmetricKey.LENGTH * 8);
            return key.getKey();
        } finally {
            Bytes.wipe(passwordBytes);
            byte[] internal = generator.getPassword();
            Arrays.fill(internal, (byte) 0);
        }
    }
}
