package org.opentokens.powerauth.token.domain.internal.crypto;

import java.math.BigInteger;
import org.opentokens.powerauth.token.domain.error.InvalidPublicKeyException;

/**
 * Validates and decompresses P-256 point encodings with {@link BigInteger} alone, so that parsing a public key
 * (the configured master key, the keys in a stored activation) does not load Bouncy Castle, which the
 * token-header path does not need and whose loading slows a cold start (benchmarks/report.md). P-256 has
 * cofactor 1, so a point that satisfies the curve equation is in the prime-order group.
 */
final class P256Points {
    /** The field prime {@code 2^256 - 2^224 + 2^192 + 2^96 - 1}. */
    static final BigInteger P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    /** The curve coefficient b; a is -3. */
    static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    private static final BigInteger THREE = BigInteger.valueOf(3);
    /** p = 3 (mod 4), so a square root of r is r^((p+1)/4). */
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);
    private static final int COORDINATE = 32;

    private P256Points() {
    }

    /**
     * @param encoded a 33-byte compressed ({@code 02|03 || X}) or 65-byte uncompressed ({@code 04 || X || Y})
     *     SEC1 encoding; the caller has checked length and prefix
     * @return the 65-byte uncompressed encoding of the point
     * @throws InvalidPublicKeyException if the coordinates are out of range or the point is not on the curve
     */
    static byte[] uncompressedOf(byte[] encoded) {
        BigInteger x = new BigInteger(1, encoded, 1, COORDINATE);
        if (x.compareTo(P) >= 0) {
            throw new InvalidPublicKeyException("public key is not a point on P-256");
        }
        BigInteger rhs = x.multiply(x).multiply(x).subtract(THREE.multiply(x)).add(B).mod(P);
        BigInteger y;
        if (encoded.length == 1 + 2 * COORDINATE) {
            y = new BigInteger(1, encoded, 1 + COORDINATE, COORDINATE);
            if (y.compareTo(P) >= 0 || !y.multiply(y).mod(P).equals(rhs)) {
                throw new InvalidPublicKeyException("public key is not a valid point on P-256");
            }
        } else {
            y = rhs.modPow(SQRT_EXPONENT, P);
            if (!y.multiply(y).mod(P).equals(rhs)) {
                throw new InvalidPublicKeyException("public key is not a point on P-256");
            }
            boolean odd = encoded[0] == 0x03;
            if (y.testBit(0) != odd) {
                y = P.subtract(y);
            }
        }
        byte[] out = new byte[1 + 2 * COORDINATE];
        out[0] = 0x04;
        put(x, out, 1);
        put(y, out, 1 + COORDINATE);
        return out;
    }

    /** Writes a non-negative value below p as 32 big-endian bytes. */
    private static void put(BigInteger value, byte[] out, int offset) {
        byte[] raw = value.toByteArray();
        int length = Math.min(raw.length, COORDINATE);
        System.arraycopy(raw, raw.length - length, out, offset + COORDINATE - length, length);
    }
}
