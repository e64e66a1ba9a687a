package org.opentokens.powerauth.token.domain.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

class TokenSecretTest {

    @Test
    void keepsTheBytesOfServerGeneratedSecretsFromBase64AndRaw() {
        TestTokenFactory f = new TestTokenFactory(71);
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            byte[] raw = f.secret();
            assertThat(TokenSecret.fromBase64(Base64.getEncoder().encodeToString(raw))
                    .copyBytes(InsecureSecretAccess.get())).isEqualTo(raw);
            assertThat(TokenSecret.of(raw).copyBytes(InsecureSecretAccess.get())).isEqualTo(raw);
        }
    }

    @Test
    void copiesInAndOutSoCallersCannotChangeTheSecret() {
        byte[] raw = new TestTokenFactory(72).secret();
        byte[] original = raw.clone();
        TokenSecret secret = TokenSecret.of(raw);
        raw[0] ^= 1;
        byte[] out = secret.copyBytes(InsecureSecretAccess.get());
        out[1] ^= 1;
        assertThat(secret.copyBytes(InsecureSecretAccess.get())).isEqualTo(original);
    }

    @Test
    void comparesByContent() {
        byte[] raw = new TestTokenFactory(73).secret();
        byte[] other = raw.clone();
        other[15] ^= 0x40;
        assertThat(TokenSecret.of(raw).sameSecretAs(TokenSecret.of(raw.clone()))).isTrue();
        assertThat(TokenSecret.of(raw).sameSecretAs(TokenSecret.of(other))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 17, 32})
    void rejectsSecretOfWrongLength(int length) {
        assertThatThrownBy(() -> TokenSecret.of(new byte[length])).isInstanceOf(MalformedDataException.class);
        String b64 = Base64.getEncoder().encodeToString(new byte[length]);
        assertThatThrownBy(() -> TokenSecret.fromBase64(b64))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageNotContaining(b64.isEmpty() ? "\u0000" : b64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "AAAAAAAAAAAAAAAAAAAAA=A", "AAAA AAAAAAAAAAAAAAAAAA==", "%%%%"})
    void rejectsSecretThatIsNotBase64WithoutEchoingIt(String text) {
        assertThatThrownBy(() -> TokenSecret.fromBase64(text))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageNotContaining(text);
    }

    @Test
    void rejectsMissingBase64Secret() {
        assertThatThrownBy(() -> TokenSecret.fromBase64(null)).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        TestTokenFactory f = new TestTokenFactory(74);
        for (int i = 0; i < 50; i++) {
            byte[] raw = f.secret();
            String text = TokenSecret.of(raw).toString();
            assertThat(text).contains("redacted")
                    .doesNotContain(Base64.getEncoder().encodeToString(raw))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(raw))
                    .doesNotContain(Base64.getEncoder().encodeToString(raw).replace("=", ""));
        }
    }

    @Test
    void destroyZeroesAndBlocksFurtherUse() {
        TokenSecret secret = TokenSecret.of(new TestTokenFactory(75).secret());
        TokenSecret other = TokenSecret.of(new byte[16]);
        assertThat(secret.isDestroyed()).isFalse();
        secret.destroy();
        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(() -> secret.copyBytes(InsecureSecretAccess.get())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secret.sameSecretAs(other)).isInstanceOf(IllegalStateException.class);
    }
}
