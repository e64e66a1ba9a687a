package org.opentokens.powerauth.token.domain.internal.v4.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderParser;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderVerifier;

/** Shape, parsing rules, verification windows and redaction of the 4.0 token header. */
class V4TokenHeaderTest {
    private static final String ID = "4a7b8c2d-1e3f-4a5b-9c6d-7e8f9a0b1c2d";
    private final Random r = new Random(4211);
    private final byte[] secretBytes = V4Oracle.bytes(r, 32);
    private final V4TokenSecret secret = V4TokenSecret.of(secretBytes);

    @Test
    void rendersVersionFirstAndPadsShortTimestamps() {
        byte[] nonce = V4Oracle.bytes(r, 16);
        V4TokenHeader h = V4TokenHeader.generate(TokenId.of(ID), secret, nonce, 1_700_000_000_123L);
        assertThat(h.value()).isEqualTo("PowerAuth version=\"4.0\", token_id=\"" + ID + "\", token_digest=\""
                + Base64.getEncoder().encodeToString(h.digest()) + "\", nonce=\""
                + Base64.getEncoder().encodeToString(nonce) + "\", timestamp=\"1700000000123\"");
        assertThat(new V4TokenHeaderGenerator(TokenId.of(ID), secret).headerValue(nonce, 1_700_000_000_123L))
                .isEqualTo(h.value());
        V4TokenHeader early = V4TokenHeader.generate(TokenId.of(ID), secret, nonce, 42L);
        assertThat(early.value()).endsWith("timestamp=\"000000042\"");
        assertThat(V4TokenHeaderParser.parse(early.value()).timestampMs()).isEqualTo(42L);
    }

    @Test
    void parsesAnyFieldOrderAndSeparators() {
        V4TokenHeader h = V4TokenHeader.generate(TokenId.of(ID), secret, V4Oracle.bytes(r, 16), 1_700_000_000_000L);
        String shuffled = "  PowerAuth timestamp=\"1700000000000\",nonce=\"" + Base64.getEncoder().encodeToString(h.nonce())
                + "\"\ttoken_digest=\"" + Base64.getEncoder().encodeToString(h.digest()) + "\", other=\"x\", token_id="
                + ID + " version=\"4.0\" ";
        V4TokenHeader back = V4TokenHeaderParser.parse(shuffled);
        assertThat(back.value()).isEqualTo(h.value());
    }

    @Test
    void rejectsMalformedHeadersWithTypedErrorsThatNeverEchoValues() {
        String good = V4TokenHeader.generate(TokenId.of(ID), secret, V4Oracle.bytes(r, 16), 1_700_000_000_000L).value();
        expect(null, Reason.MALFORMED);
        expect("Bearer x", Reason.MALFORMED);
        expect(good.replace("version=\"4.0\"", "version=\"3.3\""), Reason.UNSUPPORTED_VERSION);
        expect(good.replace("version=\"4.0\", ", ""), Reason.MALFORMED);
        expect(good.replace(ID, "not-a-uuid"), Reason.MALFORMED);
        expect(good.replace("timestamp=\"1700000000000\"", "timestamp=\"17000000000x0\""), Reason.MALFORMED);
        expect(good.replace("timestamp=\"1700000000000\"", "timestamp=\"12345678\""), Reason.MALFORMED);
        expect(good + ", nonce=\"AAAAAAAAAAAAAAAAAAAAAA==\"", Reason.MALFORMED);
        expect(good.replace("nonce=\"", "nonce=\"A"), Reason.MALFORMED);
        expect(good.substring(0, good.length() - 1), Reason.MALFORMED);
        expect(good.replace("token_digest=", "token_digest"), Reason.MALFORMED);
        assertThatThrownBy(() -> V4TokenHeaderParser.parse(good.replace(ID, "secret-looking-value")))
                .hasMessageNotContaining("secret-looking-value");
    }

    @Test
    void ofWrapsReadFieldsByCopyAndRejectsWrongLengthsAndTimestamps() {
        byte[] nonce = V4Oracle.bytes(r, 16);
        V4TokenHeader generated = V4TokenHeader.generate(TokenId.of(ID), secret, nonce, 1_700_000_000_000L);
        byte[] digest = generated.digest();
        V4TokenHeader wrapped = V4TokenHeader.of(TokenId.of(ID), digest, nonce, 1_700_000_000_000L);
        digest[0] ^= 1;
        nonce[0] ^= 1;
        assertThat(wrapped.value()).isEqualTo(generated.value());
        assertThatThrownBy(() -> V4TokenHeader.of(TokenId.of(ID), new byte[31], new byte[16], 0))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4TokenHeader.of(TokenId.of(ID), new byte[32], new byte[15], 0))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4TokenHeader.of(TokenId.of(ID), new byte[32], new byte[16], -1))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4TokenHeader.of(TokenId.of(ID), new byte[32], new byte[16],
                V4TokenHeader.MAX_TIMESTAMP_MS + 1)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4TokenHeader.of(null, new byte[32], new byte[16], 0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void verifierChecksTokenWindowAndDigest() {
        V4TokenHeaderVerifier verifier = new V4TokenHeaderVerifier();
        long ts = 1_700_000_000_000L;
        V4TokenHeader h = V4TokenHeaderParser.parse(
                V4TokenHeader.generate(TokenId.of(ID), secret, V4Oracle.bytes(r, 16), ts).value());
        verifier.verify(h, TokenId.of(ID), secret, ts + 60_000);
        verifier.verify(h, TokenId.of(ID), secret, ts - 60_000);
        expectVerify(() -> verifier.verify(h, TokenId.of(UUID.randomUUID().toString()), secret, ts), Reason.TOKEN_ID_MISMATCH);
        expectVerify(() -> verifier.verify(h, TokenId.of(ID), secret, ts + 60_001), Reason.TIMESTAMP_TOO_OLD);
        expectVerify(() -> verifier.verify(h, TokenId.of(ID), secret, ts - 60_001), Reason.TIMESTAMP_IN_FUTURE);
        byte[] other = secretBytes.clone();
        other[0] ^= 1;
        expectVerify(() -> verifier.verify(h, TokenId.of(ID), V4TokenSecret.of(other), ts), Reason.DIGEST_MISMATCH);
    }

    @Test
    void secretIsRedactedComparedInConstantTimeAndDestroyable() {
        String b64 = Base64.getEncoder().encodeToString(secretBytes);
        V4TokenSecret s = V4TokenSecret.fromBase64(b64);
        assertThat(s.toString()).doesNotContain(b64).isEqualTo("V4TokenSecret[redacted]");
        assertThat(s.sameSecretAs(secret)).isTrue();
        V4TokenHeaderGenerator generator = new V4TokenHeaderGenerator(TokenId.of(ID), s);
        assertThat(generator.toString()).doesNotContain(b64);
        V4TokenHeader h = generator.header(new byte[16], 1_700_000_000_000L);
        assertThat(h.toString()).doesNotContain(Base64.getEncoder().encodeToString(h.digest()));
        s.destroy();
        assertThatThrownBy(() -> generator.headerValue(new byte[16], 1_700_000_000_000L))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> V4TokenSecret.of(new byte[16])).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4TokenSecret.fromBase64("AAAAAAAAAAAAAAAAAAAAAA==")).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4TokenHeader.generate(TokenId.of(ID), secret, new byte[15], 1L))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4TokenHeader.generate(TokenId.of(ID), secret, new byte[16], -1L))
                .isInstanceOf(MalformedDataException.class);
    }

    private static void expect(String value, Reason reason) {
        assertThatThrownBy(() -> V4TokenHeaderParser.parse(value))
                .isInstanceOfSatisfying(InvalidTokenHeaderException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static void expectVerify(Runnable check, Reason reason) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidTokenHeaderException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
