package org.opentokens.powerauth.token.domain.internal.crypto;

import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The PowerAuth key derivation functions.
 *
 * <ul>
 *   <li>{@link #derive}: {@code KDF(key, n) = AES-128-ECB(key, 0^8 || BE64(n))}</li>
 *   <li>{@link #internal}: {@code KDF_INTERNAL(key, data) = reduce(HMAC-SHA256(key, data))}</li>
 *   <li>{@link #x963}: ANSI X9.63 with SHA-256, used by ECIES</li>
 * </ul>
 */
public final class Kdf {
    private Kdf() {
    }

    /**
     * @param key the parent key
     * @param index the key index (1 possession, 2 knowledge, 3 biometry, 1000 transport, 2000 vault, ...)
     * @return the derived key
     */
    public static SymmetricKey derive(SymmetricKey key, long index) {
        byte[] raw = key.copyBytes(InsecureSecretAccess.get());
        byte[] out = null;
        try {
            out = Aes.encryptBlock(raw, Bytes.concat(new byte[8], Bytes.be64(index)));
            return SymmetricKey.of(out);
        } finally {
            Bytes.wipe(raw);
            Bytes.wipe(out);
        }
    }

    /**
     * @param key the HMAC key
     * @param data the derivation input
     * @return 16 bytes: {@code reduce(HMAC-SHA256(key, data))}
     */
    public static byte[] internal(byte[] key, byte[] data) {
        byte[] mac = HmacSha256Key.compute(key, data);
        try {
            return Bytes.reduce(mac);
        } finally {
            Bytes.wipe(mac);
        }
    }

    /**
     * @param key the HMAC key
     * @param data the derivation input
     * @return {@code KDF_INTERNAL(key, data)} as a key
     */
    public static SymmetricKey internal(SymmetricKey key, byte[] data) {
        byte[] raw = key.copyBytes(InsecureSecretAccess.get());
        byte[] out = null;
        try {
            out = internal(raw, data);
            return SymmetricKey.of(out);
        } finally {
            Bytes.wipe(raw);
            Bytes.wipe(out);
        }
    }

    /**
     * ANSI X9.63 KDF with SHA-256: {@code SHA256(z || BE32(1) || info) || SHA256(z || BE32(2) || info) ...}.
     *
     * @param z the shared secret
     * @param info the shared info
     * @param length the number of bytes to produce
     * @return the derived bytes
     */
    public static byte[] x963(byte[] z, byte[] info, int length) {
        byte[] out = new byte[length];
        int pos = 0;
        for (int counter = 1; pos < length; counter++) {
            byte[] block = Sha256.hash(z, Bytes.be32(counter), info);
            int n = Math.min(block.length, length - pos);
            System.arraycopy(block, 0, out, pos, n);
            Bytes.wipe(block);
            pos += n;
        }
        return out;
    }
}
