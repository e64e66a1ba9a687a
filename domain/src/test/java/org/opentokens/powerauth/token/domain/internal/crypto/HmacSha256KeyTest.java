package org.opentokens.powerauth.token.domain.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 agrees with RFC 4231 and with Bouncy Castle's {@link HMac}, and a destroyed key refuses to MAC. */
class HmacSha256KeyTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesRfc4231TestCases() {
        // Test case 2: short key.
        assertThat(HmacSha256Key.compute(ascii("Jefe"), ascii("what do ya want for nothing?")))
                .isEqualTo(HEX.parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        // Test case 6: a 131-byte key, longer than one block, is hashed first.
        byte[] longKey = new byte[131];
        Arrays.fill(longKey, (byte) 0xaa);
        assertThat(HmacSha256Key.of(longKey).mac(ascii("Test Using Larger Than Block-Size Key - Hash Key First")))
                .isEqualTo(HEX.parseHex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    }

    @Test
    void equalsBouncyCastleForKeysAndMessagesOfManyLengths() {
        Random random = new Random(3);
        for (int keyLength = 0; keyLength <= 130; keyLength += 5) {
            byte[] key = bytes(random, keyLength);
            HmacSha256Key prepared = HmacSha256Key.of(key);
            for (int messageLength : new int[] {0, 1, 34, 40, 55, 56, 64, 65, 200}) {
                byte[] message = bytes(random, messageLength + 3);
                byte[] expected = reference(key, Arrays.copyOf(message, messageLength));

                assertThat(prepared.mac(message, messageLength)).as("key %d, prefix %d", keyLength, messageLength)
                        .isEqualTo(expected);
                int cut = messageLength / 3;
                assertThat(prepared.mac(Arrays.copyOf(message, cut), Arrays.copyOfRange(message, cut, messageLength)))
                        .as("key %d, two parts of %d", keyLength, messageLength).isEqualTo(expected);
            }
        }
    }

    @Test
    void keyBytesAreCopiedAtConstruction() {
        byte[] key = bytes(new Random(5), 16);
        byte[] expected = reference(key, ascii("message"));
        HmacSha256Key prepared = HmacSha256Key.of(key);

        Arrays.fill(key, (byte) 0);

        assertThat(prepared.mac(ascii("message"))).isEqualTo(expected);
    }

    @Test
    void aRejectedCallLeavesTheThreadsDigestClean() {
        HmacSha256Key prepared = HmacSha256Key.of(ascii("key"));

        assertThatThrownBy(() -> prepared.mac(ascii("a"), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> prepared.mac(new byte[4], 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Sha256.hash(ascii("a"), null)).isInstanceOf(NullPointerException.class);

        assertThat(prepared.mac(ascii("message"))).isEqualTo(reference(ascii("key"), ascii("message")));
    }

    @Test
    void aDestroyedKeyRefusesToMacAndSaysSoWithoutItsBytes() {
        HmacSha256Key prepared = HmacSha256Key.of(new byte[16]);
        assertThat(prepared.isDestroyed()).isFalse();

        prepared.destroy();

        assertThat(prepared.isDestroyed()).isTrue();
        assertThatThrownBy(() -> prepared.mac(new byte[4], 4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destroyed");
        assertThatThrownBy(() -> prepared.mac(new byte[4])).isInstanceOf(IllegalStateException.class);
        assertThat(prepared).hasToString("HmacSha256Key[redacted]");
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
            byte[] expected = new byte[Sha256.LENGTH];
            reference.doFinal(expected, 0);

            assertThat(Sha256.hash(a, b)).as("length %d", length).isEqualTo(expected);
        }
    }

    private static byte[] reference(byte[] key, byte[] message) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[HmacSha256Key.LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
