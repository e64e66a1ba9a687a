package org.opentokens.powerauth.token.domain.internal.counter;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.Kdf;
import org.opentokens.powerauth.token.domain.internal.crypto.Sha256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * The PowerAuth 3.x hash-based signature counter: 16 bytes of {@code CTR_DATA} plus {@code CTR_BYTE}. Immutable
 * ({@link #next()}); advance and persist it after every signature computed, before sending. {@code CTR_DATA} feeds
 * every signature, so it is a secret: {@link #toString()} shows only {@code CTR_BYTE}, there is no {@code equals}
 * ({@link #sameCounterAs}), bytes come out only through {@link #copyBytes(SecretAccess)}, and {@link #destroy()}
 * zeroes the internal copy (best effort).
 */
public final class HashCounter implements Destroyable {
    /** Length of {@code CTR_DATA}. */
    public static final int CTR_DATA_LENGTH = 16;
    private static final long KEY_TRANSPORT_CTR_INDEX = 4000;

    private final SecretBytes ctrData;
    private final int ctrByte;

    private HashCounter(SecretBytes ctrData, int ctrByte) {
        this.ctrData = ctrData;
        this.ctrByte = ctrByte;
    }

    /**
     * Starts a counter from the {@code ctrData} of a fresh activation; {@code CTR_BYTE} starts at 0, like the
     * server's counter.
     *
     * @param ctrData 16 bytes; copied
     * @return the counter
     * @throws MalformedDataException if {@code ctrData} is not 16 bytes
     */
    public static HashCounter of(byte[] ctrData) {
        return of(ctrData, 0);
    }

    /**
     * Restores a counter, for example from storage.
     *
     * @param ctrData 16 bytes; copied
     * @param ctrByte the counter byte, 0..255
     * @return the counter
     * @throws MalformedDataException if {@code ctrData} is not 16 bytes or {@code ctrByte} is out of range
     */
    public static HashCounter of(byte[] ctrData, int ctrByte) {
        Objects.requireNonNull(ctrData, "ctrData");
        if (ctrData.length != CTR_DATA_LENGTH) {
            throw new MalformedDataException("ctrData must be 16 bytes, got " + ctrData.length);
        }
        if (ctrByte < 0 || ctrByte > 255) {
            throw new MalformedDataException("ctrByte must be 0..255");
        }
        return new HashCounter(SecretBytes.copyOf(ctrData), ctrByte);
    }

    /**
     * @param ctrDataBase64 the {@code ctrData} field of the activation response (Base64 of 16 bytes)
     * @return the counter with {@code CTR_BYTE} 0
     * @throws MalformedDataException if the text is not Base64 of 16 bytes
     */
    public static HashCounter fromBase64(String ctrDataBase64) {
        byte[] raw = B64.decode(ctrDataBase64, "ctrData", CTR_DATA_LENGTH);
        try {
            return of(raw);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /** @return the next counter: {@code CTR_DATA' = reduce(SHA256(CTR_DATA))}, {@code CTR_BYTE' = CTR_BYTE + 1 mod 256} */
    public HashCounter next() {
        byte[] current = ctrData.copyBytes(InsecureSecretAccess.get());
        byte[] hash = Sha256.hash(current);
        try {
            return new HashCounter(SecretBytes.takeOwnership(Bytes.reduce(hash)), (ctrByte + 1) & 0xFF);
        } finally {
            Bytes.wipe(current);
            Bytes.wipe(hash);
        }
    }

    /** @return {@code CTR_BYTE}, 0..255 */
    public int ctrByte() {
        return ctrByte;
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return a copy of the 16 bytes of {@code CTR_DATA}; wipe it after use
     */
    public byte[] copyBytes(SecretAccess access) {
        return ctrData.copyBytes(access);
    }

    /**
     * @param transportKey {@code KEY_TRANSPORT}
     * @return the 16-byte {@code CTR_DATA_HASH} of this counter, as the server puts it in the status blob
     */
    public byte[] ctrDataHash(SymmetricKey transportKey) {
        byte[] key = counterHashKey(transportKey);
        try {
            return ctrDataHashWithKey(key);
        } finally {
            Bytes.wipe(key);
        }
    }

    /** @return the raw {@code KDF(KEY_TRANSPORT, 4000)}; wipe after use */
    static byte[] counterHashKey(SymmetricKey transportKey) {
        SymmetricKey ctrKey = Kdf.derive(transportKey, KEY_TRANSPORT_CTR_INDEX);
        try {
            return ctrKey.copyBytes(InsecureSecretAccess.get());
        } finally {
            ctrKey.destroy();
        }
    }

    /** @return {@code KDF_INTERNAL(counterHashKey, CTR_DATA)} for a key from {@link #counterHashKey} */
    byte[] ctrDataHashWithKey(byte[] counterHashKey) {
        byte[] raw = ctrData.copyBytes(InsecureSecretAccess.get());
        try {
            return Kdf.internal(counterHashKey, raw);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /**
     * {@code CTR_DATA_HASH = KDF_INTERNAL(KDF(KEY_TRANSPORT, 4000), ctrData)}.
     *
     * @param ctrData 16 bytes of {@code CTR_DATA}
     * @param transportKey {@code KEY_TRANSPORT}
     * @return the 16-byte hash
     * @throws MalformedDataException if {@code ctrData} is not 16 bytes
     */
    public static byte[] ctrDataHash(byte[] ctrData, SymmetricKey transportKey) {
        Objects.requireNonNull(ctrData, "ctrData");
        Objects.requireNonNull(transportKey, "transportKey");
        if (ctrData.length != CTR_DATA_LENGTH) {
            throw new MalformedDataException("ctrData must be 16 bytes, got " + ctrData.length);
        }
        byte[] key = counterHashKey(transportKey);
        try {
            return Kdf.internal(key, ctrData);
        } finally {
            Bytes.wipe(key);
        }
    }

    /**
     * @param other another counter
     * @return true when both have the same {@code CTR_DATA} (compared in constant time) and {@code CTR_BYTE}
     */
    public boolean sameCounterAs(HashCounter other) {
        Objects.requireNonNull(other, "other");
        boolean sameData = ctrData.sameBytesAs(other.ctrData);
        return sameData & ctrByte == other.ctrByte;
    }

    /** Zeroes {@code CTR_DATA}; later use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        ctrData.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return ctrData.isDestroyed();
    }

    @Override
    public String toString() {
        return "HashCounter[ctrByte=" + ctrByte + ", ctrData redacted]";
    }
}
