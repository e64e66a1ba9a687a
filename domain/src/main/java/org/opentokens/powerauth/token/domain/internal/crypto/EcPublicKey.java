package org.opentokens.powerauth.token.domain.internal.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;
import org.opentokens.powerauth.token.domain.error.InvalidPublicKeyException;

/**
 * A validated P-256 public key. Equality is by point; the encoding a key was parsed from does not matter.
 *
 * <p>A parsed key keeps its validated uncompressed encoding and builds Bouncy Castle's point only when a
 * computation needs it, so a process that only loads keys (a stored activation, the configured master key) and
 * generates token headers never loads Bouncy Castle. Thread-safe.
 */
public final class EcPublicKey {
    /** Key agreements after which this key switches to a precomputed comb (see {@link #multiply}). */
    private static final int COMB_AFTER_AGREEMENTS = 2;

    /** {@code 04 || X || Y}, validated. */
    private final byte[] uncompressed;
    /** Bouncy Castle's point, built on first use; one object, so that its precomputations are kept. */
    private volatile ECPoint point;
    /** Key agreements so far, counted up to the switch; a lost update under a race only delays it. */
    private volatile int agreements;

    EcPublicKey(ECPoint point) {
        ECPoint normalized = point.normalize();
        this.uncompressed = normalized.getEncoded(false);
        this.point = normalized;
    }

    private EcPublicKey(byte[] uncompressed) {
        this.uncompressed = uncompressed;
    }

    /**
     * Parses a SEC1 point: 33-byte compressed or 65-byte uncompressed.
     *
     * @param encoded the point bytes
     * @return the key
     * @throws InvalidPublicKeyException if the bytes are not a valid point on P-256 or are the point at infinity
     */
    public static EcPublicKey fromBytes(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        boolean compressed = encoded.length == 33 && (encoded[0] == 0x02 || encoded[0] == 0x03);
        boolean uncompressed = encoded.length == 65 && encoded[0] == 0x04;
        if (!compressed && !uncompressed) {
            throw new InvalidPublicKeyException("P-256 public key must be 33 bytes compressed or 65 bytes uncompressed");
        }
        return new EcPublicKey(P256Points.uncompressedOf(encoded));
    }

    /**
     * @param base64 standard Base64 of a compressed or uncompressed point
     * @return the key
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the text is not Base64
     * @throws InvalidPublicKeyException if the bytes are not a valid point
     */
    public static EcPublicKey fromBase64(String base64) {
        return fromBytes(B64.decode(base64, "public key"));
    }

    /** @return the 65-byte uncompressed SEC1 encoding ({@code 04 || X || Y}) */
    public byte[] uncompressed() {
        return uncompressed.clone();
    }

    /** @return the 33-byte compressed SEC1 encoding ({@code 02|03 || X}) */
    public byte[] compressed() {
        byte[] out = Arrays.copyOfRange(uncompressed, 0, 33);
        out[0] = (byte) ((uncompressed[64] & 1) == 0 ? 0x02 : 0x03);
        return out;
    }

    /** @return the affine X coordinate as a 32-byte big-endian array */
    public byte[] xCoordinate() {
        return Arrays.copyOfRange(uncompressed, 1, 33);
    }

    /** @return the affine X coordinate as an unsigned big-endian integer without leading zero bytes */
    public BigInteger xAsInteger() {
        return new BigInteger(1, uncompressed, 1, 32);
    }

    ECPoint point() {
        ECPoint p = point;
        if (p == null) {
            p = P256.DOMAIN.getCurve().decodePoint(uncompressed).normalize();
            point = p;
        }
        return p;
    }

    /**
     * {@code k * this}, for ECDH. The first two agreements with a key take Bouncy Castle's default wNAF
     * multiplier: an activation uses its temporary key twice and the server key once. From the third on (a cached
     * 3.3 temporary key across token creations, {@code KEY_SERVER_PUBLIC} before 3.3) it takes a fixed-point comb,
     * whose table of this point costs about one multiplication to build, is kept with the point, and makes each
     * later multiplication about three times faster; the comb also reads its table in constant time.
     *
     * @param k a scalar in {@code [1, n)}
     * @return the product, not normalized
     */
    ECPoint multiply(BigInteger k) {
        int before = agreements;
        if (before >= COMB_AFTER_AGREEMENTS) {
            return P256.COMB.multiply(point(), k);
        }
        agreements = before + 1;
        return point().multiply(k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcPublicKey other && Arrays.equals(uncompressed, other.uncompressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed());
    }

    @Override
    public String toString() {
        return "EcPublicKey[P-256 " + B64.encode(compressed()) + "]";
    }
}
