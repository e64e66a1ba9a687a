package org.opentokens.powerauth.token.domain.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;

/** Typed errors and redaction of {@link TokenHeader}; each malformed case is also checked against the server. */
class TokenHeaderTest {
    private static final String ID = "3f8a1c2e-5b7d-4e9f-8a1b-2c3d4e5f6a7b";
    private static final byte[] DIGEST = new TestTokenFactory(701).bytes(32);
    private static final byte[] NONCE = new TestTokenFactory(702).bytes(16);

    static Stream<Arguments> malformedHeaders() {
        return Stream.of(
                bad("missing token_id", m -> m.remove("token_id"), Reason.MALFORMED),
                bad("missing token_digest", m -> m.remove("token_digest"), Reason.MALFORMED),
                bad("missing nonce", m -> m.remove("nonce"), Reason.MALFORMED),
                bad("missing timestamp", m -> m.remove("timestamp"), Reason.MALFORMED),
                bad("missing version", m -> m.remove("version"), Reason.MALFORMED),
                bad("digest not Base64", m -> m.put("token_digest", "!!" + b64(DIGEST).substring(2)), Reason.MALFORMED),
                bad("digest 31 bytes", m -> m.put("token_digest", b64(new byte[31])), Reason.MALFORMED),
                bad("digest 33 bytes", m -> m.put("token_digest", b64(new byte[33])), Reason.MALFORMED),
                bad("nonce not Base64", m -> m.put("nonce", b64(NONCE).replace('=', '*')), Reason.MALFORMED),
                bad("nonce 15 bytes", m -> m.put("nonce", b64(new byte[15])), Reason.MALFORMED),
                bad("nonce 17 bytes", m -> m.put("nonce", b64(new byte[17])), Reason.MALFORMED),
                bad("timestamp 8 digits", m -> m.put("timestamp", "12345678"), Reason.MALFORMED),
                bad("timestamp 16 digits", m -> m.put("timestamp", "1234567890123456"), Reason.MALFORMED),
                bad("timestamp not numeric", m -> m.put("timestamp", "17000000001x3"), Reason.MALFORMED),
                bad("timestamp negative", m -> m.put("timestamp", "-1700000000123"), Reason.MALFORMED),
                bad("timestamp with fraction", m -> m.put("timestamp", "1700000000.123"), Reason.MALFORMED),
                bad("version 3.4", m -> m.put("version", "3.4"), Reason.UNSUPPORTED_VERSION),
                bad("version 4.0", m -> m.put("version", "4.0"), Reason.UNSUPPORTED_VERSION),
                bad("version 2.1", m -> m.put("version", "2.1"), Reason.UNSUPPORTED_VERSION),
                bad("version 3", m -> m.put("version", "3"), Reason.UNSUPPORTED_VERSION),
                bad("uuid version nibble 0", m -> m.put("token_id", ID.replace("-4e9f-", "-0e9f-")), Reason.MALFORMED),
                bad("uuid variant c", m -> m.put("token_id", ID.replace("-8a1b-", "-ca1b-")), Reason.MALFORMED),
                bad("uuid too short", m -> m.put("token_id", ID.substring(1)), Reason.MALFORMED),
                bad("uuid not hex", m -> m.put("token_id", ID.replace('f', 'g')), Reason.MALFORMED),
                bad("uuid without hyphens", m -> m.put("token_id", ID.replace("-", "")), Reason.MALFORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHeaders")
    void rejectsMalformedHeaderWithTypedReasonLikeTheServer(String name, String value, Reason reason) {
        assertThat(WultraTokens.parseAndValidate(value)).as("server also rejects").isEmpty();
        InvalidTokenHeaderException e = catchThrowableOfType(InvalidTokenHeaderException.class,
                () -> TokenHeaderParser.parse(value));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e).isInstanceOf(MalformedDataException.class);
        assertNoLeak(e.getMessage(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Bearer abc", "PowerAuth", "powerauth version=\"3.3\"",
        "PowerAuthversion=\"3.3\"", "PowerAuth version=\"3.3\", token_id"})
    void rejectsValuesWithoutPowerAuthFields(String value) {
        assertThat(WultraTokens.parseAndValidate(value)).isEmpty();
        assertThatThrownBy(() -> TokenHeaderParser.parse(value))
                .isInstanceOfSatisfying(InvalidTokenHeaderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void rejectsMissingHeader() {
        assertThatThrownBy(() -> TokenHeaderParser.parse(null))
                .isInstanceOfSatisfying(InvalidTokenHeaderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void rejectsGarbageAndUnclosedQuotesEvenWhereTheServerParserIsLenient() {
        String good = header(fields());
        for (String value : new String[] {
            good.replace("PowerAuth ", "PowerAuth garbage "),
            good.substring(0, good.length() - 1),
            good + ", x"}) {
            assertThatThrownBy(() -> TokenHeaderParser.parse(value))
                    .isInstanceOfSatisfying(InvalidTokenHeaderException.class,
                            e -> assertNoLeak(e.getMessage(), value));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 17})
    void generateRejectsNonceOfWrongLength(int length) {
        assertThatThrownBy(() -> TokenHeader.generate(TokenId.of(ID), TokenSecret.of(new byte[16]),
                ProtocolVersion.V3_3, new byte[length], 1_700_000_000_000L))
                .isInstanceOf(MalformedDataException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1L, Long.MIN_VALUE, 1_000_000_000_000_000L, Long.MAX_VALUE})
    void generateRejectsTimestampsTheServerCannotRead(long ts) {
        assertThatThrownBy(() -> TokenHeader.generate(TokenId.of(ID), TokenSecret.of(new byte[16]),
                ProtocolVersion.V3_3, NONCE, ts))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void toStringShowsVersionIdAndTimestampButNeverDigestNonceOrValue() {
        TestTokenFactory f = new TestTokenFactory(703);
        for (int i = 0; i < 100; i++) {
            byte[] secret = f.secret();
            TokenHeader h = TokenHeader.generate(TokenId.of(WultraTokens.newTokenId()), TokenSecret.of(secret),
                    ProtocolVersion.values()[i % 4], f.nonce(), f.timestamp());
            String text = h.toString();
            assertThat(text).contains(h.version().wireValue(), h.tokenId().value(), Long.toString(h.timestampMs()));
            assertNoLeak(text, h.value(), h.tokenId().value(), Long.toString(h.timestampMs()));
            assertThat(text).doesNotContain(b64(h.digest()).substring(0, 12), b64(h.nonce()).substring(0, 12));
            assertThat(text).doesNotContain(b64(secret).substring(0, 20));
        }
    }

    @Test
    void accessorsReturnCopies() {
        TokenHeader h = TokenHeaderParser.parse(header(fields()));
        h.digest()[0] ^= 1;
        h.nonce()[0] ^= 1;
        assertThat(h.digest()).isEqualTo(DIGEST);
        assertThat(h.nonce()).isEqualTo(NONCE);
    }

    /** The text contains neither the whole value nor any quoted field of it except those allowed. */
    private static void assertNoLeak(String text, String value, String... allowed) {
        if (!value.isBlank()) {
            assertThat(text).doesNotContain(value.trim());
        }
        Set<String> ok = Set.of(allowed);
        for (String piece : value.split("\"")) {
            if (piece.length() >= 8 && !ok.contains(piece) && !piece.contains("=")) {
                assertThat(text).doesNotContain(piece);
            }
        }
        for (String field : new String[] {b64(DIGEST), b64(NONCE)}) {
            assertThat(text).doesNotContain(field.substring(0, 12));
        }
    }

    private static Arguments bad(String name, Consumer<Map<String, String>> change, Reason reason) {
        Map<String, String> m = fields();
        change.accept(m);
        return Arguments.of(name, header(m), reason);
    }

    private static Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("version", "3.3");
        m.put("token_id", ID);
        m.put("token_digest", b64(DIGEST));
        m.put("nonce", b64(NONCE));
        m.put("timestamp", "1700000000123");
        return m;
    }

    private static String header(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder("PowerAuth ");
        fields.forEach((k, v) -> sb.append(k).append("=\"").append(v).append("\", "));
        return sb.substring(0, sb.length() - 2);
    }

    private static String b64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }
}
