package org.opentokens.powerauth.token.adapter.storage;

import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * {@link StorageKeySources#passphrase}: PBKDF2-HMAC-SHA256 over the passphrase's UTF-8 bytes. Parameters:
 * a 4-byte big-endian iteration count, then the 16-byte salt. {@link #destroy()} wipes the kept passphrase;
 * the source cannot be used afterwards.
 */
public final class PassphraseKeySource implements StorageKeySource, Destroyable {
    private static final int SALT_BYTES = 16;
    /** Stored counts above this are refused as damaged parameters rather than run for hours. */
    private static final int MAX_ITERATIONS = 10_000_000;

    private final char[] passphrase;
    private final RandomSource random;
    private final int iterations;
    private volatile boolean destroyed;

    PassphraseKeySource(char[] passphrase, RandomSource random, int iterations) {
        this.passphrase = passphrase.clone();
        this.random = random;
        this.iterations = iterations;
    }

    @Override
    public String method() {
        return "pbkdf2-sha256";
    }

    @Override
    public StorageKey createKey() {
        byte[] salt = random.nextBytes(SALT_BYTES);
        byte[] parameters = ByteBuffer.allocate(4 + SALT_BYTES).putInt(iterations).put(salt).array();
        SecretBytes key = derive(salt, iterations);
        try {
            return new StorageKey(key, parameters);
        } finally {
            key.destroy();
        }
    }

    @Override
    public SecretBytes recoverKey(byte[] parameters) {
        if (parameters.length != 4 + SALT_BYTES) {
            throw new StorageCorruptException("passphrase key parameters have the wrong length");
        }
        ByteBuffer buffer = ByteBuffer.wrap(parameters);
        int storedIterations = buffer.getInt();
        if (storedIterations < 1 || storedIterations > MAX_ITERATIONS) {
            throw new StorageCorruptException("passphrase key parameters hold an implausible iteration count");
        }
        byte[] salt = new byte[SALT_BYTES];
        buffer.get(salt);
        return derive(salt, storedIterations);
    }

    private SecretBytes derive(byte[] salt, int rounds) {
        if (destroyed) {
            throw new IllegalStateException("passphrase key source was destroyed");
        }
        byte[] password = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(passphrase);
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
            generator.init(password, salt, rounds);
            KeyParameter key = (KeyParameter) generator.generateDerivedParameters(KEY_BYTES * 8);
            return SecretBytes.takeOwnership(key.getKey());
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Wipes the kept passphrase (best effort); later use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "StorageKeySource[pbkdf2-sha256, " + iterations + " iterations, redacted]";
    }
}
