package org.opentokens.powerauth.token.domain.internal.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.InvalidPublicKeyException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** P-256 (secp256r1) operations: key generation, ECDH, ECDSA-SHA256 signing and verification. */
public final class P256 {
    static final ECDomainParameters DOMAIN;

    static {
        X9ECParameters params = CustomNamedCurves.getByName("secp256r1");
        DOMAIN = new ECDomainParameters(params.getCurve(), params.getG(), params.getN(), params.getH(), params.getSeed());
    }

    /** Fixed-point comb: for the generator, and for public keys used in more than one key agreement. */
    static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

    private P256() {
    }

    /**
     * @param random the randomness to draw the private scalar from
     * @return a fresh key pair
     */
    public static EcKeyPair generateKeyPair(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        BigInteger n = DOMAIN.getN();
        BigInteger d;
        do {
            d = BigIntegers.createRandomBigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        EcPrivateKey priv = new EcPrivateKey(d);
        return new EcKeyPair(priv, new EcPublicKey(multiplyGenerator(d)));
    }

    /**
     * ECDH: the affine X coordinate of {@code d * Q}, 32 bytes, not reduced.
     *
     * @param privateKey our private key
     * @param publicKey their public key
     * @return the 32-byte shared secret; wipe after use
     */
    public static byte[] sharedSecret(EcPrivateKey privateKey, EcPublicKey publicKey) {
        ECPoint shared = publicKey.multiply(privateKey.scalar()).normalize();
        if (shared.isInfinity()) {
            throw new InvalidPublicKeyException("ECDH produced the point at infinity");
        }
        return shared.getAffineXCoord().getEncoded();
    }

    /**
     * Verifies an ECDSA-SHA256 signature in DER encoding.
     *
     * @param publicKey the signer's key
     * @param data the signed data
     * @param derSignature the DER-encoded {@code SEQUENCE { r, s }}
     * @throws MalformedDataException if the signature is not valid DER
     * @throws CryptoFailureException with {@code SIGNATURE_INVALID} if it does not verify
     */
    public static void verifyDer(EcPublicKey publicKey, byte[] data, byte[] derSignature) {
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
        verify(publicKey, data, r, s);
    }

    /**
     * Verifies an ECDSA-SHA256 signature in the raw JOSE form {@code R || S} (64 bytes).
     *
     * @param publicKey the signer's key
     * @param data the signed data
     * @param rawSignature 64 bytes
     * @throws MalformedDataException if the signature is not 64 bytes
     * @throws CryptoFailureException with {@code SIGNATURE_INVALID} if it does not verify
     */
    public static void verifyRaw(EcPublicKey publicKey, byte[] data, byte[] rawSignature) {
        if (rawSignature.length != 64) {
            throw new MalformedDataException("ES256 signature must be 64 bytes");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rawSignature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rawSignature, 32, 64));
        verify(publicKey, data, r, s);
    }

    private static void verify(EcPublicKey publicKey, byte[] data, BigInteger r, BigInteger s) {
        BigInteger n = DOMAIN.getN();
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            throw new CryptoFailureException(CryptoFailureException.Reason.SIGNATURE_INVALID, "ECDSA signature is invalid");
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(publicKey.point(), DOMAIN));
        if (!signer.verifySignature(Sha256.hash(data), r, s)) {
            throw new CryptoFailureException(CryptoFailureException.Reason.SIGNATURE_INVALID, "ECDSA signature is invalid");
        }
    }

    /**
     * Signs with ECDSA-SHA256, the nonce derived deterministically from the key and the data (RFC 6979), so no
     * randomness is needed; any ECDSA verifier accepts the result. The {@code s} value is not normalized.
     *
     * @param privateKey the signer's key
     * @param data the data to sign
     * @return the DER-encoded {@code SEQUENCE { r, s }}
     */
    public static byte[] signDer(EcPrivateKey privateKey, byte[] data) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(data, "data");
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey.scalar(), DOMAIN));
        BigInteger[] rs = signer.generateSignature(Sha256.hash(data));
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    static ECPoint multiplyGenerator(BigInteger d) {
        return COMB.multiply(DOMAIN.getG(), d).normalize();
    }
}
