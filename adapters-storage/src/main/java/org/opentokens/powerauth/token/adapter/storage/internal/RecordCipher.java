package org.opentokens.powerauth.token.adapter.storage.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Row crypto of the SQLite and PostgreSQL stores; for the persistent adapters of this module, not for hosts. HKDF-SHA256
 * derives an AES-256 key and an HMAC-SHA256 key from the master key: namespaces and names are looked up by keyed
 * tags, and the name and value are each sealed with AES-256-GCM under a fresh 96-bit nonce, with the purpose and
 * both tags as associated data, so a sealed field opens only in its own row and column. Sealed layout: format byte
 * {@code 1}, 12-byte nonce, ciphertext, 16-byte tag. Runs on the JDK's {@link Cipher} and {@link Mac}, one per thread
 * (why: benchmarks/report.md).
 */
public final class RecordCipher implements Destroyable {
    /** Associated-data purpose of a sealed entry name. */
    public static final byte PURPOSE_NAME = 'N';
    /** Associated-data purpose of a sealed value. */
    public static final byte PURPOSE_VALUE = 'V';
    static final byte PURPOSE_KEY_CHECK = 'K';
    /** Length of every keyed tag. */
    public static final int TAG_BYTES = 32;

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;
    private static final byte[] EMPTY_TAG = new byte[TAG_BYTES];
    private static final byte[] KEY_CHECK_PLAINTEXT = ascii("opentokens powerauth sqlite key check");
    private static final String GCM = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> jca(() -> Cipher.getInstance(GCM)));
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> jca(() -> Mac.getInstance(HMAC)));

    private final byte[] encryptionKey;
    private final byte[] tagKey;
    private final RandomSource random;
    private volatile boolean destroyed;

    private RecordCipher(byte[] encryptionKey, byte[] tagKey, RandomSource random) {
        this.encryptionKey = encryptionKey;
        this.tagKey = tagKey;
        this.random = random;
    }

    /**
     * @param masterKey the store's 32-byte master key; not retained
     * @param random draws the GCM nonces
     * @return a cipher with the derived keys
     */
    public static RecordCipher derive(SecretBytes masterKey, RandomSource random) {
        byte[] master = masterKey.copyBytes(InsecureSecretAccess.get());
        try {
            return new RecordCipher(hkdf(master, "encryption"), hkdf(master, "lookup tags"), random);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /**
     * Recovers the key of an existing store from its key source and checks it against the store's key-check value.
     *
     * @param storedMethod the key method the store was created with
     * @param parameters the key source's recovery parameters kept with the store
     * @param keyCheck the store's key-check value
     * @param keySource the source the host configured
     * @param random draws the GCM nonces
     * @return the unlocked cipher
     * @throws StorageLockedException if the source is of another method or its key does not open the store
     */
    public static RecordCipher unlock(String storedMethod, byte[] parameters, byte[] keyCheck,
            StorageKeySource keySource, RandomSource random) {
        if (!storedMethod.equals(keySource.method())) {
            throw new StorageLockedException("token store was created with the '" + storedMethod
                    + "' key method, but a '" + keySource.method() + "' key source was given");
        }
        SecretBytes key = keySource.recoverKey(parameters);
        RecordCipher cipher;
        try {
            cipher = derive(key, random);
        } finally {
            key.destroy();
        }
        if (!cipher.opensKeyCheck(keyCheck)) {
            cipher.destroy();
            throw new StorageLockedException("the key source's key does not open this token store");
        }
        return cipher;
    }

    /**
     * @param namespace a namespace
     * @return its keyed lookup tag
     */
    public byte[] namespaceTag(StorageNamespace namespace) {
        return mac((byte) 1, EMPTY_TAG, namespace.id());
    }

    /**
     * @param namespaceTag the namespace's tag
     * @param name an entry name
     * @return the entry's keyed lookup tag
     */
    public byte[] nameTag(byte[] namespaceTag, String name) {
        return mac((byte) 2, namespaceTag, name);
    }

    /**
     * Seals one entry for its row.
     *
     * @param namespaceTag the namespace's tag
     * @param name the entry name
     * @param value the value; not retained
     * @return the name tag, the sealed name and the sealed value
     */
    public byte[][] sealEntry(byte[] namespaceTag, String name, SecretBytes value) {
        byte[] tag = nameTag(namespaceTag, name);
        byte[] plain = value.copyBytes(InsecureSecretAccess.get());
        try {
            return new byte[][] {tag, seal(PURPOSE_NAME, namespaceTag, tag, name.getBytes(StandardCharsets.UTF_8)),
                seal(PURPOSE_VALUE, namespaceTag, tag, plain)};
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * @return the entry name sealed in the row of {@code nameTag}
     * @throws StorageCorruptException if the field is damaged or was moved from another row
     */
    public String openName(byte[] namespaceTag, byte[] nameTag, byte[] sealedName) {
        return new String(open(PURPOSE_NAME, namespaceTag, nameTag, sealedName), StandardCharsets.UTF_8);
    }

    /**
     * @return the value sealed in the row of {@code nameTag}, owned by the caller
     * @throws StorageCorruptException if the field is damaged or was moved from another row
     */
    public SecretBytes openValue(byte[] namespaceTag, byte[] nameTag, byte[] sealedValue) {
        return SecretBytes.takeOwnership(open(PURPOSE_VALUE, namespaceTag, nameTag, sealedValue));
    }

    byte[] seal(byte purpose, byte[] namespaceTag, byte[] nameTag, byte[] plaintext) {
        byte[] nonce = random.nextBytes(NONCE_BYTES);
        Cipher gcm = gcm(Cipher.ENCRYPT_MODE, nonce, purpose, namespaceTag, nameTag);
        byte[] out = new byte[1 + NONCE_BYTES + plaintext.length + GCM_TAG_BITS / 8];
        out[0] = FORMAT;
        System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
        try {
            gcm.doFinal(plaintext, 0, plaintext.length, out, 1 + NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        return out;
    }

    /**
     * @return the plaintext, owned by the caller
     * @throws StorageCorruptException if the field is damaged, was moved from another row, or the key is wrong
     */
    byte[] open(byte purpose, byte[] namespaceTag, byte[] nameTag, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + GCM_TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new StorageCorruptException("stored record has an unknown format");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        Cipher gcm = gcm(Cipher.DECRYPT_MODE, nonce, purpose, namespaceTag, nameTag);
        try {
            return gcm.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new StorageCorruptException("stored record failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** @return a new key-check value for a new store: a constant sealed under this cipher's key */
    public byte[] keyCheck() {
        return seal(PURPOSE_KEY_CHECK, EMPTY_TAG, EMPTY_TAG, KEY_CHECK_PLAINTEXT);
    }

    boolean opensKeyCheck(byte[] keyCheck) {
        try {
            return Arrays.equals(open(PURPOSE_KEY_CHECK, EMPTY_TAG, EMPTY_TAG, keyCheck), KEY_CHECK_PLAINTEXT);
        } catch (StorageCorruptException e) {
            return false;
        }
    }

    private Cipher gcm(int mode, byte[] nonce, byte purpose, byte[] namespaceTag, byte[] nameTag) {
        checkAlive();
        byte[] aad = new byte[2 + 2 * TAG_BYTES];
        aad[0] = FORMAT;
        aad[1] = purpose;
        System.arraycopy(namespaceTag, 0, aad, 2, TAG_BYTES);
        System.arraycopy(nameTag, 0, aad, 2 + TAG_BYTES, TAG_BYTES);
        Cipher gcm = CIPHERS.get();
        try {
            gcm.init(mode, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(GCM_TAG_BITS, nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM set-up failed", e);
        }
        gcm.updateAAD(aad);
        return gcm;
    }

    private byte[] mac(byte kind, byte[] prefix, String text) {
        checkAlive();
        Mac hmac = MACS.get();
        init(hmac, tagKey);
        hmac.update(kind);
        hmac.update(prefix);
        hmac.update(text.getBytes(StandardCharsets.UTF_8));
        return hmac.doFinal();
    }

    /** HKDF-SHA256 (RFC 5869) with an all-zero salt and one 32-byte output block. */
    private static byte[] hkdf(byte[] master, String purpose) {
        Mac hmac = MACS.get();
        init(hmac, new byte[TAG_BYTES]);
        byte[] prk = hmac.doFinal(master);
        try {
            init(hmac, prk);
            hmac.update(ascii("opentokens powerauth sqlite v1 " + purpose));
            hmac.update((byte) 1);
            return hmac.doFinal();
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static void init(Mac mac, byte[] key) {
        try {
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC set-up failed", e);
        }
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("the store's keys were destroyed");
        }
    }

    /** A JCA lookup of an algorithm every Java platform provides. */
    @FunctionalInterface
    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T jca(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform lacks a required algorithm", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Wipes the derived keys; later use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(tagKey, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "RecordCipher[redacted]";
    }
}
