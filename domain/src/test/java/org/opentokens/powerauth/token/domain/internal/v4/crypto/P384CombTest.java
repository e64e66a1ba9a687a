package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;

/** The comb tables agree with Bouncy Castle's own multiplication and ECDSA verification. */
class P384CombTest {
    private static final BigInteger N = P384PublicKey.DOMAIN.getN();
    private final SecureRandom random = new SecureRandom();

    @Test
    void sumOfTwoMatchesBouncyCastleIncludingEdgeScalars() {
        ECPoint g = P384PublicKey.DOMAIN.getG();
        ECPoint q = g.multiply(BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), random))
                .normalize();
        P384Comb combQ = P384Comb.of(q);
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE),
                N.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(383), BigInteger.ONE.shiftLeft(P384Comb.SPACING)};
        for (BigInteger a : edges) {
            for (BigInteger b : edges) {
                assertSame(P384Comb.sumOfTwo(a, P384Comb.generator(), b, combQ),
                        ECAlgorithms.sumOfTwoMultiplies(g, a, q, b));
            }
        }
        for (int i = 0; i < 50; i++) {
            BigInteger a = BigIntegers.createRandomInRange(BigInteger.ZERO, N.subtract(BigInteger.ONE), random);
            BigInteger b = BigIntegers.createRandomInRange(BigInteger.ZERO, N.subtract(BigInteger.ONE), random);
            assertSame(P384Comb.sumOfTwo(a, P384Comb.generator(), b, combQ),
                    ECAlgorithms.sumOfTwoMultiplies(g, a, q, b));
        }
        // a*G + (n-a)*G is infinity: the sum must say so rather than fail
        BigInteger a = BigInteger.valueOf(12345);
        assertThat(P384Comb.sumOfTwo(a, P384Comb.generator(), N.subtract(a), P384Comb.generator()).isInfinity())
                .isTrue();
    }

    @Test
    void verificationWithTablesAcceptsAndRejectsAsBouncyCastle() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P384PublicKey.DOMAIN, random));
        for (int k = 0; k < 5; k++) {
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            P384PublicKey key = new P384PublicKey(((ECPublicKeyParameters) pair.getPublic()).getQ());
            ECDSASigner signer = new ECDSASigner();
            signer.init(true, pair.getPrivate());
            for (int i = 0; i < 6; i++) {
                byte[] data = new byte[1 + random.nextInt(200)];
                random.nextBytes(data);
                BigInteger[] rs = signer.generateSignature(sha384(data));
                byte[] raw = raw(rs[0], rs[1]);
                // the first call uses Bouncy Castle's verifier, the later ones the tables
                key.verifyRaw(data, raw);
                key.verifyRaw(data, raw);
                byte[] otherData = data.clone();
                otherData[0] ^= 1;
                assertRejected(key, otherData, raw);
                assertRejected(key, data, raw(rs[0].add(BigInteger.ONE).mod(N), rs[1]));
                assertRejected(key, data, raw(rs[0], rs[1].add(BigInteger.ONE).mod(N)));
                // (r, n - s) is the other valid signature of the same data (ECDSA malleability)
                key.verifyRaw(data, raw(rs[0], N.subtract(rs[1])));
            }
            AsymmetricCipherKeyPair other = generator.generateKeyPair();
            signer.init(true, other.getPrivate());
            BigInteger[] rs = signer.generateSignature(sha384(new byte[] {1}));
            assertRejected(key, new byte[] {1}, raw(rs[0], rs[1]));
        }
    }

    private static void assertRejected(P384PublicKey key, byte[] data, byte[] raw) {
        assertThatThrownBy(() -> key.verifyRaw(data, raw)).isInstanceOf(CryptoFailureException.class);
    }

    private static void assertSame(ECPoint ours, ECPoint theirs) {
        assertThat(ours.isInfinity()).isEqualTo(theirs.isInfinity());
        if (!ours.isInfinity()) {
            assertThat(ours.normalize().getEncoded(false)).isEqualTo(theirs.normalize().getEncoded(false));
        }
    }

    private static byte[] sha384(byte[] data) {
        SHA384Digest digest = new SHA384Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[48];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] raw(BigInteger r, BigInteger s) {
        byte[] raw = new byte[96];
        System.arraycopy(BigIntegers.asUnsignedByteArray(48, r), 0, raw, 0, 48);
        System.arraycopy(BigIntegers.asUnsignedByteArray(48, s), 0, raw, 48, 48);
        return raw;
    }
}
