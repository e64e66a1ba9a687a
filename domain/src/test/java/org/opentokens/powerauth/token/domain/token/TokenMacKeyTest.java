package org.opentokens.powerauth.token.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both digest back ends of the prepared HMAC key agree with Bouncy Castle's plain {@link HMac}. */
class TokenMacKeyTest {

    @ParameterizedTest(name = "JDK digest: {0}")
    @ValueSource(booleans = {true, false})
    void equalsAPlainHmacForKeysAndMessagesOfManyLengths(boolean jdk) {
        TestTokenFactory f = new TestTokenFactory(41);
        for (int keyLength = 0; keyLength <= 64; keyLength += 8) {
            byte[] key = f.bytes(keyLength);
            TokenMacKey prepared = new TokenMacKey(key, jdk);
            for (int messageLength : new int[] {0, 1, 34, 40, 55, 56, 64, 65, 200}) {
                byte[] message = f.bytes(messageLength + 3);

                assertThat(prepared.mac(message, messageLength)).as("key %d, message %d", keyLength, messageLength)
                        .isEqualTo(plainHmac(key, message, messageLength));
            }
        }
    }

    @ParameterizedTest(name = "JDK digest: {0}")
    @ValueSource(booleans = {true, false})
    void refusesToMacAfterDestroy(boolean jdk) {
        TokenMacKey prepared = new TokenMacKey(new byte[16], jdk);

        prepared.destroy();

        assertThatThrownBy(() -> prepared.mac(new byte[4], 4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destroyed");
    }

    @ParameterizedTest(name = "JDK digest: {0}")
    @ValueSource(booleans = {true, false})
    void rejectsAKeyLongerThanOneBlock(boolean jdk) {
        assertThatThrownBy(() -> new TokenMacKey(new byte[65], jdk)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] plainHmac(byte[] key, byte[] message, int length) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }
}
