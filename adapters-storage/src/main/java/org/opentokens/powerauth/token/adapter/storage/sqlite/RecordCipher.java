package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.StorageCorruptException;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Row crypto of the SQLite store. From the 32-byte master key, HKDF-SHA256 derives an AES-256 key and an
 * HMAC-SHA256 key. Namespaces and names are looked up by keyed tags (HMAC), so their text is never stored
 * in the clear; the name text and the value are each sealed with AES-256-GCM under a fresh random 96-bit nonce,
 * with the purpose and both tags as associated data, so a sealed field only opens in its own row and column.
 *
 * <p>Sealed layout: format byte {@code 1}, 12-byte nonce, ciphertext, 16-byte GCM tag.
 */
final class RecordCipher implements Destroyable {
    static final byte PURPOSE_NAME = 'N';
    static final byte PURPOSE_VALUE = 'V';
    static final byte PURPOSE_KEY_CHECK = 'K';
    static final int TAG_BYTES = 32;

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;
    private static final byte[] EMPTY_TAG = new byte[TAG_BYTES];
    private static final byte[] KEY_CHECK_PLAINTEXT = ascii("opentokens powerauth sqlite key check");

    private final byte[] encryptionKey;
    private final byte[] tagKey;
    private final RandomSource random;
    private volatile boolean destroyed;

    private RecordCipher(byte[] encryptionKey, byte[] tagKey, RandomSource random) {
        this.encryptionKey = encryptionKey;
        this.tagKey = tagKey;
        this.random = random;
    }

    static RecordCipher derive(SecretBytes masterKey, RandomSource random) {
        byte[] master = masterKey.copyBytes(InsecureSecretAccess.get());
        try {
            return new RecordCipher(hkdf(master, "encryption"), hkdf(master, "lookup tags"), random);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    byte[] namespaceTag(StorageNamespace namespace) {
        return mac((byte) 1, EMPTY_TAG, namespace.id());
    }

    byte[] nameTag(byte[] namespaceTag, String name) {
        return mac((byte) 2, namespaceTag, name);
    }

    byte[] seal(byte purpose, byte[] namespaceTag, byte[] nameTag, byte[] plaintext) {
        byte[] nonce = random.nextBytes(NONCE_BYTES);
        GCMModeCipher gcm = gcm(true, nonce, purpose, namespaceTag, nameTag);
        byte[] out = new byte[1 + NONCE_BYTES + gcm.getOutputSize(plaintext.length)];
        out[0] = FORMAT;
        System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
        int written = gcm.processBytes(plaintext, 0, plaintext.length, out, 1 + NONCE_BYTES);
        try {
            gcm.doFinal(out, 1 + NONCE_BYTES + written);
        } catch (InvalidCipherTextException e) {
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
        GCMModeCipher gcm = gcm(false, nonce, purpose, namespaceTag, nameTag);
        int inputLength = sealed.length - 1 - NONCE_BYTES;
        byte[] out = new byte[gcm.getOutputSize(inputLength)];
        int written = gcm.processBytes(sealed, 1 + NONCE_BYTES, inputLength, out, 0);
        try {
            gcm.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new StorageCorruptException("stored record failed authentication", e);
        }
        return out;
    }

    byte[] keyCheck() {
        return seal(PURPOSE_KEY_CHECK, EMPTY_TAG, EMPTY_TAG, KEY_CHECK_PLAINTEXT);
    }

    boolean opensKeyCheck(byte[] keyCheck) {
        try {
            return Arrays.equals(open(PURPOSE_KEY_CHECK, EMPTY_TAG, EMPTY_TAG, keyCheck), KEY_CHECK_PLAINTEXT);
        } catch (StorageCorruptException e) {
            return false;
        }
    }

    private GCMModeCipher gcm(boolean encrypt, byte[] nonce, byte purpose, byte[] namespaceTag, byte[] nameTag) {
        byte[] aad = new byte[2 + 2 * TAG_BYTES];
        aad[0] = FORMAT;
        aad[1] = purpose;
        System.arraycopy(namespaceTag, 0, aad, 2, TAG_BYTES);
        System.arraycopy(nameTag, 0, aad, 2 + TAG_BYTES, TAG_BYTES);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(encryptionKey), GCM_TAG_BITS, nonce, aad));
        return gcm;
    }

    private byte[] mac(byte kind, byte[] prefix, String text) {
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(tagKey));
        hmac.update(kind);
        hmac.update(prefix, 0, prefix.length);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        hmac.update(utf8, 0, utf8.length);
        byte[] out = new byte[TAG_BYTES];
        hmac.doFinal(out, 0);
        return out;
    }

    private static byte[] hkdf(byte[] master, String purpose) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(master, null, ascii("opentokens powerauth sqlite v1 " + purpose)));
        byte[] out = new byte[32];
        generator.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

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
