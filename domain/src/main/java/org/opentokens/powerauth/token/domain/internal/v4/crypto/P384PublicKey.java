package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;

/**
 * A validated P-384 public key (protocol 4.0 server and device ECDSA keys) and ECDSA-SHA384 verification. Equality is
 * by point. Thread-safe.
 */
public final class P384PublicKey {
    static final ECDomainParameters DOMAIN;

    static {
        X9ECParameters params = CustomNamedCurves.getByName("secp384r1");
        DOMAIN = new ECDomainParameters(params.getCurve(), params.getG(), params.getN(), params.getH(), params.getSeed());
    }

    private final ECPoint point;
    /** Built when the key checks its second signature: a key used once does not pay for the table. */
    private volatile P384Comb comb;
    private volatile boolean verifiedBefore;

    P384PublicKey(ECPoint point) {
        this.point = point.normalize();
    }

    /**
     * Parses a SEC1 point (49 bytes compressed or 97 bytes uncompressed) or an X.509 SubjectPublicKeyInfo DER.
     *
     * @param encoded the key bytes
     * @return the key
     * @throws MalformedDataException if the bytes are not a valid P-384 point (or the point at infinity)
     */
    public static P384PublicKey fromBytes(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        byte[] sec1 = encoded;
        if (encoded.length > 0 && encoded[0] == 0x30) {
            try {
                sec1 = SubjectPublicKeyInfo.getInstance(encoded).getPublicKeyData().getBytes();
            } catch (RuntimeException e) {
                throw new MalformedDataException("P-384 public key is not valid SubjectPublicKeyInfo", e);
            }
        }
        boolean compressed = sec1.length == 49 && (sec1[0] == 2 || sec1[0] == 3);
        boolean uncompressed = sec1.length == 97 && sec1[0] == 4;
        if (!compressed && !uncompressed) {
            throw new MalformedDataException("P-384 public key must be 49 bytes compressed or 97 bytes uncompressed");
        }
        try {
            ECPoint p = DOMAIN.getCurve().decodePoint(sec1);
            if (p.isInfinity() || !p.isValid()) {
                throw new MalformedDataException("P-384 public key is not a valid point");
            }
            return new P384PublicKey(p);
        } catch (IllegalArgumentException e) {
            throw new MalformedDataException("P-384 public key is not a point on the curve", e);
        }
    }

    /**
     * @param base64 standard Base64 of {@link #fromBytes} input
     * @return the key
     * @throws MalformedDataException if not Base64 or not a valid key
     */
    public static P384PublicKey fromBase64(String base64) {
        return fromBytes(B64.decode(base64, "P-384 public key"));
    }

    /** @return the 97-byte uncompressed SEC1 encoding */
    public byte[] uncompressed() {
        return point.getEncoded(false);
    }

    /**
     * @return the affine X coordinate as {@code BigInteger.toByteArray()} without a leading zero byte: the minimal
     *     unsigned big-endian form Wultra's fingerprint uses (may be shorter than 48 bytes)
     */
    public byte[] xMinimal() {
        return BigIntegers.asUnsignedByteArray(point.getAffineXCoord().toBigInteger());
    }

    ECPoint point() {
        return point;
    }

    /**
     * Verifies ECDSA-SHA384 in DER encoding (as Wultra's {@code SignatureUtils} produces for activation codes).
     *
     * @param data the signed data
     * @param derSignature {@code SEQUENCE { r, s }}, strict DER
     * @throws MalformedDataException if the signature is not strict DER
     * @throws CryptoFailureException with {@code SIGNATURE_INVALID} if it does not verify
     */
    public void verifyDer(byte[] data, byte[] derSignature) {
        Objects.requireNonNull(derSignature, "derSignature");
        BigInteger r;
        BigInteger s;
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(derSignature));
            if (seq.size() != 2) {
                throw new MalformedDataException("ECDSA signature must be a DER sequence of two integers");
            }
            r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
            s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
            byte[] strict = new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
            if (!Arrays.equals(strict, derSignature)) {
                throw new MalformedDataException("ECDSA signature is not strict DER");
            }
        } catch (MalformedDataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException("ECDSA signature is not valid DER", e);
        }
        verify(data, r, s);
    }

    /**
     * Verifies ECDSA-SHA384 in the JOSE form {@code R || S} (96 bytes), as in an ES384 JWS.
     *
     * @param data the signed data
     * @param rawSignature 96 bytes
     * @throws MalformedDataException if the signature is not 96 bytes
     * @throws CryptoFailureException with {@code SIGNATURE_INVALID} if it does not verify
     */
    public void verifyRaw(byte[] data, byte[] rawSignature) {
        Objects.requireNonNull(rawSignature, "rawSignature");
        if (rawSignature.length != 96) {
            throw new MalformedDataException("ES384 signature must be 96 bytes");
        }
        verify(data, new BigInteger(1, Arrays.copyOfRange(rawSignature, 0, 48)),
                new BigInteger(1, Arrays.copyOfRange(rawSignature, 48, 96)));
    }

    private void verify(byte[] data, BigInteger r, BigInteger s) {
        Objects.requireNonNull(data, "data");
        BigInteger n = DOMAIN.getN();
        boolean inRange = r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
        byte[] hash = new byte[48];
        SHA384Digest digest = new SHA384Digest();
        digest.update(data, 0, data.length);
        digest.doFinal(hash, 0);
        if (!inRange || !verifies(hash, r, s)) {
            throw new CryptoFailureException(CryptoFailureException.Reason.SIGNATURE_INVALID, "ECDSA signature is invalid");
        }
    }

    /** ECDSA verification of a SHA-384 hash (384 bits, as long as n: no truncation) with r and s in [1, n). */
    private boolean verifies(byte[] hash, BigInteger r, BigInteger s) {
        P384Comb table = comb;
        if (table == null && verifiedBefore) {
            table = P384Comb.of(point);
            comb = table;
        }
        verifiedBefore = true;
        if (table == null) {
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, new ECPublicKeyParameters(point, DOMAIN));
            return signer.verifySignature(hash, r, s);
        }
        BigInteger n = DOMAIN.getN();
        BigInteger w = BigIntegers.modOddInverseVar(n, s);
        BigInteger u1 = new BigInteger(1, hash).multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        ECPoint sum = P384Comb.sumOfTwo(u1, P384Comb.generator(), u2, table);
        return !sum.isInfinity() && xModNEquals(sum, r);
    }

    /**
     * Whether {@code x(R) mod n == r} for a Jacobian point R = (X, Y, Z), without inverting Z: the affine x is
     * {@code X / Z^2} and lies below p, so it is r or r + n (when that is below p): compare {@code c * Z^2} with X.
     */
    private static boolean xModNEquals(ECPoint point, BigInteger r) {
        ECCurve curve = DOMAIN.getCurve();
        if (curve.getCoordinateSystem() != ECCurve.COORD_JACOBIAN) {
            return point.normalize().getAffineXCoord().toBigInteger().mod(DOMAIN.getN()).equals(r);
        }
        ECFieldElement x = point.getXCoord();
        ECFieldElement zSquared = point.getZCoord(0).square();
        BigInteger p = curve.getField().getCharacteristic();
        for (BigInteger c = r; c.compareTo(p) < 0; c = c.add(DOMAIN.getN())) {
            if (curve.fromBigInteger(c).multiply(zSquared).equals(x)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof P384PublicKey other && point.equals(other.point);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(point.getEncoded(true));
    }

    @Override
    public String toString() {
        return "P384PublicKey[" + B64.encode(point.getEncoded(true)) + "]";
    }
}
