package org.opentokens.powerauth.token.domain.internal.v4.counter;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Sha3;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * The protocol 4.0 hash-based counter: 32 bytes of {@code ctrData} plus {@code ctrByte}, the low byte of the number of
 * authentication codes computed so far. {@code ctrData_{n+1} = SHA3-256(ctrData_n)}.
 *
 * <p>Immutable: {@link #next()} returns a new counter. Advance it after every authentication code computed, whether
 * or not the request succeeds, and persist it before sending. {@code ctrData} feeds every code, so it is a secret:
 * redacted {@code toString}, no {@code equals} ({@link #sameCounterAs}), raw bytes only through
 * {@link #copyBytes(SecretAccess)}, {@link #destroy()} zeroes them (best effort).
 */
public final class V4HashCounter implements Destroyable {
    /** Length of {@code ctrData}. */
    public static final int CTR_DATA_LENGTH = 32;
    /** Length of {@code ctrDataHash} in the status blob. */
    public static final int CTR_DATA_HASH_LENGTH = 32;

    private final SecretBytes ctrData;
    private final int ctrByte;

    private V4HashCounter(SecretBytes ctrData, int ctrByte) {
        this.ctrData = ctrData;
        this.ctrByte = ctrByte;
    }

    /**
     * @param ctrData 32 bytes; copied
     * @param ctrByte the counter byte, 0..255 (0 for a fresh activation)
     * @return the counter
     * @throws MalformedDataException if {@code ctrData} is not 32 bytes or {@code ctrByte} is out of range
     */
    public static V4HashCounter of(byte[] ctrData, int ctrByte) {
        Objects.requireNonNull(ctrData, "ctrData");
        if (ctrData.length != CTR_DATA_LENGTH) {
            throw new MalformedDataException("V4 ctrData must be 32 bytes, got " + ctrData.length);
        }
        if (ctrByte < 0 || ctrByte > 255) {
            throw new MalformedDataException("ctrByte must be 0..255");
        }
        return new V4HashCounter(SecretBytes.copyOf(ctrData), ctrByte);
    }

    /**
     * @param ctrDataBase64 the {@code ctrData} of the activation response (Base64 of 32 bytes)
     * @return the counter with {@code ctrByte} 0
     * @throws MalformedDataException if the text is not Base64 of 32 bytes
     */
    public static V4HashCounter fromBase64(String ctrDataBase64) {
        byte[] raw = B64.decode(ctrDataBase64, "ctrData", CTR_DATA_LENGTH);
        try {
            return of(raw, 0);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /** @return the next counter: {@code SHA3-256(ctrData)}, {@code ctrByte + 1 mod 256} */
    public V4HashCounter next() {
        byte[] current = ctrData.copyBytes(InsecureSecretAccess.get());
        try {
            return new V4HashCounter(SecretBytes.takeOwnership(Sha3.sha256(current)), (ctrByte + 1) & 0xFF);
        } finally {
            Bytes.wipe(current);
        }
    }

    /** @return {@code ctrByte}, 0..255 */
    public int ctrByte() {
        return ctrByte;
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return a copy of the 32 bytes of {@code ctrData}; wipe it after use
     */
    public byte[] copyBytes(SecretAccess access) {
        return ctrData.copyBytes(access);
    }

    /**
     * @param ctrDataMacKey {@code KEY_MAC_CTR_DATA}
     * @return {@code KMAC256(KEY_MAC_CTR_DATA, ctrData, 32, "PA4MAC-CTR")}, as the server puts it in the status blob
     */
    public byte[] ctrDataHash(V4SymmetricKey ctrDataMacKey) {
        Objects.requireNonNull(ctrDataMacKey, "ctrDataMacKey");
        byte[] key = ctrDataMacKey.copyBytes(InsecureSecretAccess.get());
        byte[] data = ctrData.copyBytes(InsecureSecretAccess.get());
        try {
            return Kmac256.mac(key, data, Kmac256.PA4MAC_CTR, CTR_DATA_HASH_LENGTH);
        } finally {
            Bytes.wipe(key);
            Bytes.wipe(data);
        }
    }

    /**
     * @param other another counter
     * @return true when both have the same {@code ctrData} (constant time) and {@code ctrByte}
     */
    public boolean sameCounterAs(V4HashCounter other) {
        Objects.requireNonNull(other, "other");
        boolean sameData = ctrData.sameBytesAs(other.ctrData);
        return sameData & ctrByte == other.ctrByte;
    }

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
        return "V4HashCounter[ctrByte=" + ctrByte + ", ctrData redacted]";
    }
}
