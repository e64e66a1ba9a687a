package org.opentokens.powerauth.token.domain.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.InvalidPublicKeyException;

/** The BigInteger-only point parser agrees with Bouncy Castle on valid points and rejects invalid ones. */
class P256PointsTest {

    @Test
    void decompressesAndValidatesLikeBouncyCastle() {
        SecureRandom random = seeded(11);
        for (int i = 0; i < 300; i++) {
            EcPublicKey generated = P256.generateKeyPair(random).publicKey();
            byte[] uncompressed = generated.uncompressed();

            EcPublicKey fromCompressed = EcPublicKey.fromBytes(generated.compressed());
            EcPublicKey fromUncompressed = EcPublicKey.fromBytes(uncompressed);

            assertThat(fromCompressed.uncompressed()).as("case %d", i).isEqualTo(uncompressed)
                    .isEqualTo(P256.DOMAIN.getCurve().decodePoint(generated.compressed()).getEncoded(false));
            assertThat(fromCompressed).isEqualTo(fromUncompressed).isEqualTo(generated)
                    .hasSameHashCodeAs(generated);
            assertThat(fromCompressed.xAsInteger()).isEqualTo(generated.point().getAffineXCoord().toBigInteger());
        }
    }

    @Test
    void aParsedKeyComputesLikeTheKeyItCameFrom() {
        SecureRandom random = seeded(12);
        EcKeyPair server = P256.generateKeyPair(random);
        EcKeyPair client = P256.generateKeyPair(random);
        EcPublicKey parsed = EcPublicKey.fromBytes(server.publicKey().compressed());

        assertThat(P256.sharedSecret(client.privateKey(), parsed))
                .isEqualTo(P256.sharedSecret(server.privateKey(), client.publicKey()));
    }

    @Test
    void rejectsCoordinatesOutsideTheField() {
        byte[] xTooLarge = new byte[33];
        xTooLarge[0] = 0x02;
        Arrays.fill(xTooLarge, 1, 33, (byte) 0xff);
        EcPublicKey valid = P256.generateKeyPair(seeded(13)).publicKey();
        byte[] yPlusP = valid.uncompressed();
        byte[] y = new BigInteger(1, Arrays.copyOfRange(yPlusP, 33, 65)).add(P256Points.P).toByteArray();
        byte[] yTooLarge = Arrays.copyOf(yPlusP, 65);
        System.arraycopy(y, y.length - 32, yTooLarge, 33, 32);

        assertThatThrownBy(() -> EcPublicKey.fromBytes(xTooLarge)).isInstanceOf(InvalidPublicKeyException.class);
        assertThatThrownBy(() -> EcPublicKey.fromBytes(yTooLarge)).isInstanceOf(InvalidPublicKeyException.class);
    }

    @Test
    void rejectsAnXWithoutAPointOnTheCurve() {
        int rejected = 0;
        for (int x = 1; x < 40; x++) {
            byte[] compressed = new byte[33];
            compressed[0] = 0x02;
            compressed[32] = (byte) x;
            boolean bouncyCastleAccepts;
            try {
                P256.DOMAIN.getCurve().decodePoint(compressed);
                bouncyCastleAccepts = true;
            } catch (IllegalArgumentException e) {
                bouncyCastleAccepts = false;
            }
            if (bouncyCastleAccepts) {
                assertThat(EcPublicKey.fromBytes(compressed).compressed()).isEqualTo(compressed);
            } else {
                rejected++;
                assertThatThrownBy(() -> EcPublicKey.fromBytes(compressed))
                        .isInstanceOf(InvalidPublicKeyException.class);
            }
        }
        assertThat(rejected).as("about half of all x have no point").isBetween(5, 35);
    }

    @Test
    void rejectsAnUncompressedPointOffTheCurve() {
        byte[] off = P256.generateKeyPair(seeded(14)).publicKey().uncompressed();
        off[64] ^= 1;

        assertThatThrownBy(() -> EcPublicKey.fromBytes(off)).isInstanceOf(InvalidPublicKeyException.class);
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
