package org.opentokens.powerauth.token.domain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 and SHA-256 agree with RFC 4231 and with Bouncy Castle for keys and messages of many lengths. */
class HmacTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void usesTheJdkDigestOnThisPlatform() {
        assertThat(Hmac.usesJdkDigest()).isTrue();
    }

    @Test
    void matchesRfc4231TestCases() {
        // Test case 2: short key.
        assertThat(Hmac.sha256("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(HEX.parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        // Test case 6: a 131-byte key, longer than one block, is hashed first.
        byte[] longKey = new byte[131];
        java.util.Arrays.fill(longKey, (byte) 0xaa);
        assertThat(Hmac.sha256(longKey,
                "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(HEX.parseHex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    }

    @Test
    void equalsBouncyCastleForKeysAndMessagesOfManyLengths() {
        Random random = new Random(3);
        for (int keyLength = 0; keyLength <= 130; keyLength += 5) {
            byte[] key = bytes(random, keyLength);
            byte[] first = bytes(random, random.nextInt(150));
            byte[] second = bytes(random, random.nextInt(3));

            assertThat(Hmac.sha256(key, first, second)).as("key %d", keyLength)
                    .isEqualTo(Hmac.bcHmac(key, first, second));
        }
    }

    @Test
    void hashEqualsBouncyCastleOverConcatenatedParts() {
        Random random = new Random(4);
        for (int length = 0; length <= 200; length += 7) {
            byte[] a = bytes(random, length);
            byte[] b = bytes(random, length / 2);
            SHA256Digest reference = new SHA256Digest();
            reference.update(a, 0, a.length);
            reference.update(b, 0, b.length);
            byte[] expected = new byte[32];
            reference.doFinal(expected, 0);

            assertThat(Hmac.hash(a, b)).as("length %d", length).isEqualTo(expected);
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
