package org.opentokens.powerauth.token.domain.internal.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DefaultBufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** AES-128 in the modes PowerAuth uses: CBC with or without PKCS#7 padding, and a single ECB block. */
public final class Aes {
    /** AES block size. */
    public static final int BLOCK = 16;
    /** A zero IV, as used by the vault, the knowledge-key protection and ECIES 3.0. */
    private static final byte[] ZERO_IV = new byte[BLOCK];

    private Aes() {
    }

    /** @return a fresh 16-byte zero IV */
    public static byte[] zeroIv() {
        return ZERO_IV.clone();
    }

    /**
     * @param key 16-byte key
     * @param iv 16-byte IV
     * @param plaintext data of any length
     * @return AES-CBC-PKCS7 ciphertext
     */
    public static byte[] cbcEncryptPadded(byte[] key, byte[] iv, byte[] plaintext) {
        return runPadded(true, key, iv, plaintext);
    }

    /**
     * @param key 16-byte key
     * @param iv 16-byte IV
     * @param ciphertext AES-CBC-PKCS7 ciphertext
     * @return the plaintext
     * @throws MalformedDataException if the length is not a positive multiple of 16
     * @throws CryptoFailureException with {@code BAD_PADDING} if the padding is invalid
     */
    public static byte[] cbcDecryptPadded(byte[] key, byte[] iv, byte[] ciphertext) {
        if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
            throw new MalformedDataException("ciphertext length must be a positive multiple of 16");
        }
        return runPadded(false, key, iv, ciphertext);
    }

    /**
     * @param key 16-byte key
     * @param iv 16-byte IV
     * @param data a whole number of blocks
     * @return AES-CBC ciphertext without padding
     */
    public static byte[] cbcEncryptNoPadding(byte[] key, byte[] iv, byte[] data) {
        return runUnpadded(true, key, iv, data);
    }

    /**
     * @param key 16-byte key
     * @param iv 16-byte IV
     * @param data a whole number of blocks
     * @return the AES-CBC plaintext without padding removal
     * @throws MalformedDataException if the length is not a multiple of 16
     */
    public static byte[] cbcDecryptNoPadding(byte[] key, byte[] iv, byte[] data) {
        return runUnpadded(false, key, iv, data);
    }

    /**
     * @param key 16-byte key
     * @param block one 16-byte block
     * @return the block encrypted with raw AES (ECB, one block)
     */
    public static byte[] encryptBlock(byte[] key, byte[] block) {
        if (block.length != BLOCK) {
            throw new IllegalArgumentException("AES block must be 16 bytes");
        }
        BlockCipher aes = AESEngine.newInstance();
        aes.init(true, new KeyParameter(key));
        byte[] out = new byte[BLOCK];
        aes.processBlock(block, 0, out, 0);
        return out;
    }

    private static byte[] runPadded(boolean encrypt, byte[] key, byte[] iv, byte[] input) {
        BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(
                CBCBlockCipher.newInstance(AESEngine.newInstance()), new PKCS7Padding());
        return run(cipher, encrypt, key, iv, input);
    }

    private static byte[] runUnpadded(boolean encrypt, byte[] key, byte[] iv, byte[] input) {
        if (input.length % BLOCK != 0) {
            throw new MalformedDataException("data length must be a multiple of 16 for unpadded AES-CBC");
        }
        BufferedBlockCipher cipher = new DefaultBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()));
        return run(cipher, encrypt, key, iv, input);
    }

    private static byte[] run(BufferedBlockCipher cipher, boolean encrypt, byte[] key, byte[] iv, byte[] input) {
        if (key.length != 16 || iv.length != BLOCK) {
            throw new IllegalArgumentException("AES-128-CBC needs a 16-byte key and IV");
        }
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int len = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            len += cipher.doFinal(out, len);
        } catch (InvalidCipherTextException | IllegalStateException e) {
            Bytes.wipe(out);
            throw new CryptoFailureException(CryptoFailureException.Reason.BAD_PADDING, "AES-CBC decryption failed");
        }
        if (len == out.length) {
            return out;
        }
        byte[] trimmed = Arrays.copyOf(out, len);
        Bytes.wipe(out);
        return trimmed;
    }
}
