package org.opentokens.powerauth.token.domain.internal.v4.aead;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.kdf.KeyLabel;
import org.opentokens.powerauth.token.domain.internal.v4.kdf.V4Kdf;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The protocol 4.0 AEAD (encrypt-then-MAC). With {@code Kenc = KDF(K, "aead/enc", keyContext)} and
 * {@code Kmac = KDF(K, "aead/mac", keyContext)}: {@code CT = AES-256-CTR(Kenc, IV = nonce12 || 00000000, P)},
 * {@code TAG = KMAC256(Kmac, nonce12 || AD || CT, 32, "PA4MAC-AEAD")}, output {@code nonce12 || TAG || CT}.
 *
 * <p>Derived keys are wiped after use; Bouncy Castle's AES key schedule is overwritten with a zero key afterwards
 * (best effort, as for every JVM key).
 */
public final class Aead {
    /** Length of the AEAD nonce. */
    public static final int NONCE_LENGTH = 12;
    /** Length of the tag. */
    public static final int TAG_LENGTH = 32;
    /** Shortest sealed message: nonce and tag. */
    public static final int OVERHEAD = NONCE_LENGTH + TAG_LENGTH;

    private Aead() {
    }

    /**
     * @param key the envelope key
     * @param keyContext the KDF diversifier ({@code sharedInfo1 || nonce24} in the envelope)
     * @param nonce12 12 fresh bytes
     * @param associatedData authenticated, not encrypted
     * @param plaintext the plaintext
     * @return {@code nonce12 || TAG || CT}
     * @throws MalformedDataException if the nonce is not 12 bytes
     */
    public static byte[] seal(V4SymmetricKey key, byte[] keyContext, byte[] nonce12, byte[] associatedData,
            byte[] plaintext) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyContext, "keyContext");
        Objects.requireNonNull(nonce12, "nonce12");
        Objects.requireNonNull(associatedData, "associatedData");
        Objects.requireNonNull(plaintext, "plaintext");
        if (nonce12.length != NONCE_LENGTH) {
            throw new MalformedDataException("AEAD nonce must be 12 bytes, got " + nonce12.length);
        }
        byte[] out = new byte[OVERHEAD + plaintext.length];
        System.arraycopy(nonce12, 0, out, 0, NONCE_LENGTH);
        byte[] enc = derive(key, KeyLabel.AEAD_ENC, keyContext);
        try {
            ctr(enc, nonce12, plaintext, 0, plaintext.length, out, OVERHEAD);
        } finally {
            Bytes.wipe(enc);
        }
        byte[] tag = tag(key, keyContext, nonce12, associatedData, out, OVERHEAD);
        System.arraycopy(tag, 0, out, NONCE_LENGTH, TAG_LENGTH);
        return out;
    }

    /**
     * @param key the envelope key
     * @param keyContext the KDF diversifier
     * @param associatedData the associated data used when sealing
     * @param sealed {@code nonce12 || TAG || CT}
     * @return the plaintext
     * @throws MalformedDataException if {@code sealed} is shorter than {@value #OVERHEAD} bytes
     * @throws CryptoFailureException with {@code MAC_MISMATCH} if the tag does not verify (wrong key, context, data)
     */
    public static byte[] open(V4SymmetricKey key, byte[] keyContext, byte[] associatedData, byte[] sealed) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyContext, "keyContext");
        Objects.requireNonNull(associatedData, "associatedData");
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < OVERHEAD) {
            throw new MalformedDataException("AEAD message must be at least 44 bytes, got " + sealed.length);
        }
        byte[] nonce = Arrays.copyOf(sealed, NONCE_LENGTH);
        byte[] expected = tag(key, keyContext, nonce, associatedData, sealed, OVERHEAD);
        byte[] actual = Arrays.copyOfRange(sealed, NONCE_LENGTH, OVERHEAD);
        if (!Bytes.constantTimeEquals(expected, actual)) {
            throw new CryptoFailureException(CryptoFailureException.Reason.MAC_MISMATCH, "AEAD tag does not match");
        }
        byte[] plain = new byte[sealed.length - OVERHEAD];
        byte[] enc = derive(key, KeyLabel.AEAD_ENC, keyContext);
        try {
            ctr(enc, nonce, sealed, OVERHEAD, plain.length, plain, 0);
        } finally {
            Bytes.wipe(enc);
        }
        return plain;
    }

    /**
     * @param sealed a sealed message
     * @return its 12-byte nonce
     * @throws MalformedDataException if the message is shorter than {@value #OVERHEAD} bytes
     */
    public static byte[] nonceOf(byte[] sealed) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < OVERHEAD) {
            throw new MalformedDataException("AEAD message must be at least 44 bytes, got " + sealed.length);
        }
        return Arrays.copyOf(sealed, NONCE_LENGTH);
    }

    private static byte[] tag(V4SymmetricKey key, byte[] keyContext, byte[] nonce, byte[] ad, byte[] buffer,
            int ciphertextOffset) {
        byte[] mac = derive(key, KeyLabel.AEAD_MAC, keyContext);
        byte[] input = new byte[NONCE_LENGTH + ad.length + buffer.length - ciphertextOffset];
        System.arraycopy(nonce, 0, input, 0, NONCE_LENGTH);
        System.arraycopy(ad, 0, input, NONCE_LENGTH, ad.length);
        System.arraycopy(buffer, ciphertextOffset, input, NONCE_LENGTH + ad.length, buffer.length - ciphertextOffset);
        try {
            return Kmac256.mac(mac, input, Kmac256.PA4MAC_AEAD, TAG_LENGTH);
        } finally {
            Bytes.wipe(mac);
        }
    }

    private static byte[] derive(V4SymmetricKey key, KeyLabel label, byte[] keyContext) {
        byte[] raw = key.copyBytes(InsecureSecretAccess.get());
        try {
            return V4Kdf.derive(raw, label.label(), keyContext, V4SymmetricKey.LENGTH);
        } finally {
            Bytes.wipe(raw);
        }
    }

    private static void ctr(byte[] key, byte[] nonce12, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        byte[] iv = new byte[16];
        System.arraycopy(nonce12, 0, iv, 0, NONCE_LENGTH);
        SICBlockCipher cipher = new SICBlockCipher(AESEngine.newInstance());
        KeyParameter keyParameter = new KeyParameter(key);
        try {
            cipher.init(true, new ParametersWithIV(keyParameter, iv));
            cipher.processBytes(in, inOffset, length, out, outOffset);
        } finally {
            Bytes.wipe(keyParameter.getKey());
            cipher.init(true, new ParametersWithIV(new KeyParameter(new byte[32]), iv));
        }
    }
}
