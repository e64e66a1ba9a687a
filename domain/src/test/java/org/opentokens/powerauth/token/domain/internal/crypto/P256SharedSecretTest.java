package org.opentokens.powerauth.token.domain.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** ECDH gives the same secret whether a public key is used once (wNAF) or again (precomputed comb). */
class P256SharedSecretTest {

    @Test
    void aReusedPublicKeyAgreesExactlyLikeAFreshOne() {
        SecureRandom random = seeded(5);
        EcPublicKey reused = P256.generateKeyPair(random).publicKey();
        for (int i = 0; i < 200; i++) {
            EcKeyPair ephemeral = P256.generateKeyPair(random);
            EcPublicKey fresh = EcPublicKey.fromBytes(reused.uncompressed());

            byte[] viaReused = P256.sharedSecret(ephemeral.privateKey(), reused);

            assertThat(viaReused).as("case %d", i)
                    .isEqualTo(P256.sharedSecret(ephemeral.privateKey(), fresh))
                    .isEqualTo(reference(ephemeral.privateKey(), reused));
        }
    }

    @Test
    void bothSidesOfAnAgreementMatchWhenBothKeysAreReused() {
        SecureRandom random = seeded(6);
        EcKeyPair a = P256.generateKeyPair(random);
        EcKeyPair b = P256.generateKeyPair(random);
        for (int i = 0; i < 3; i++) {
            assertThat(P256.sharedSecret(a.privateKey(), b.publicKey()))
                    .isEqualTo(P256.sharedSecret(b.privateKey(), a.publicKey()));
        }
    }

    @Test
    void concurrentAgreementsWithOneKeyAllGetTheRightSecret() throws Exception {
        SecureRandom random = seeded(7);
        EcPublicKey shared = P256.generateKeyPair(random).publicKey();
        List<EcKeyPair> ephemerals = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ephemerals.add(P256.generateKeyPair(random));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (EcKeyPair e : ephemerals) {
                results.add(pool.submit(() -> P256.sharedSecret(e.privateKey(), shared)));
            }
            for (int i = 0; i < ephemerals.size(); i++) {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS)).as("case %d", i)
                        .isEqualTo(reference(ephemerals.get(i).privateKey(), shared));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] reference(EcPrivateKey privateKey, EcPublicKey publicKey) {
        ECPoint p = P256.DOMAIN.getCurve().decodePoint(publicKey.uncompressed());
        return p.multiply(privateKey.scalar()).normalize().getAffineXCoord().getEncoded();
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
