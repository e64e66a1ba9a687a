package org.opentokens.powerauth.token.domain.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.domain.server.TokenHeaderVerifier;

/** Server-side verification: id, version, window {@code [now - 7200000, now + 1800000]} and digest. */
class TokenHeaderVerifierTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final TokenHeaderVerifier DEFAULTS = new TokenHeaderVerifier();

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void acceptsTimestampsExactlyAtBothWindowEdgesAndRejectsOneMillisecondBeyond(ProtocolVersion v) {
        TestTokenFactory f = new TestTokenFactory(801 + v.ordinal());
        TokenId id = TokenId.of(WultraTokens.newTokenId());
        TokenSecret secret = TokenSecret.of(f.secret());
        long oldest = NOW - 7_200_000L;
        long newest = NOW + 1_800_000L;
        assertThatCode(() -> DEFAULTS.verify(header(id, secret, v, f, oldest), id, secret, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> DEFAULTS.verify(header(id, secret, v, f, newest), id, secret, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> DEFAULTS.verify(header(id, secret, v, f, NOW), id, secret, NOW))
                .doesNotThrowAnyException();
        assertReason(() -> DEFAULTS.verify(header(id, secret, v, f, oldest - 1), id, secret, NOW),
                Reason.TIMESTAMP_TOO_OLD);
        assertReason(() -> DEFAULTS.verify(header(id, secret, v, f, newest + 1), id, secret, NOW),
                Reason.TIMESTAMP_IN_FUTURE);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1000, 5", "60000, 60000"})
    void honoursConfiguredWindows(long past, long future) {
        TestTokenFactory f = new TestTokenFactory(811);
        TokenHeaderVerifier verifier = new TokenHeaderVerifier(past, future);
        TokenId id = TokenId.of(WultraTokens.newTokenId());
        TokenSecret secret = TokenSecret.of(f.secret());
        ProtocolVersion v = ProtocolVersion.V3_3;
        assertThatCode(() -> verifier.verify(header(id, secret, v, f, NOW - past), id, secret, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(header(id, secret, v, f, NOW + future), id, secret, NOW))
                .doesNotThrowAnyException();
        assertReason(() -> verifier.verify(header(id, secret, v, f, NOW - past - 1), id, secret, NOW),
                Reason.TIMESTAMP_TOO_OLD);
        assertReason(() -> verifier.verify(header(id, secret, v, f, NOW + future + 1), id, secret, NOW),
                Reason.TIMESTAMP_IN_FUTURE);
        assertThat(verifier.pastValidityMs()).isEqualTo(past);
        assertThat(verifier.futureValidityMs()).isEqualTo(future);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void rejectsDigestMadeWithAnotherSecretAsWultraDoes(ProtocolVersion v) {
        TestTokenFactory f = new TestTokenFactory(821 + v.ordinal());
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            TokenId id = TokenId.of(WultraTokens.newTokenId());
            byte[] right = f.secret();
            byte[] wrong = f.secret();
            TokenHeader h = header(id, TokenSecret.of(wrong), v, f, NOW);
            assertThat(WultraTokens.serverAcceptsHeader(h.value(), right)).isFalse();
            assertReason(() -> DEFAULTS.verify(h, id, TokenSecret.of(right), NOW), Reason.DIGEST_MISMATCH);
        }
    }

    @ParameterizedTest
    @CsvSource({"3.3, 3.1", "3.3, 3.0", "3.3, 3.2", "3.2, 3.3", "3.2, 3.1", "3.1, 3.2", "3.0, 3.3"})
    void detectsTamperedVersionWhereTheDigestBindsIt(String signed, String claimed) {
        TestTokenFactory f = new TestTokenFactory(831);
        for (int i = 0; i < 100; i++) {
            TokenId id = TokenId.of(WultraTokens.newTokenId());
            byte[] raw = f.secret();
            TokenSecret secret = TokenSecret.of(raw);
            String value = header(id, secret, ProtocolVersion.fromWireValue(signed), f, NOW).value()
                    .replace("version=\"" + signed + "\"", "version=\"" + claimed + "\"");
            assertThat(WultraTokens.serverAcceptsHeader(value, raw)).isFalse();
            TokenHeader tampered = TokenHeaderParser.parse(value);
            assertThat(tampered.version().wireValue()).isEqualTo(claimed);
            assertReason(() -> DEFAULTS.verify(tampered, id, secret, NOW), Reason.DIGEST_MISMATCH);
        }
    }

    @Test
    void cannotTellVersion30From31BecauseNeitherBindsTheVersionJustLikeTheServer() {
        TestTokenFactory f = new TestTokenFactory(841);
        for (int i = 0; i < 100; i++) {
            TokenId id = TokenId.of(WultraTokens.newTokenId());
            byte[] raw = f.secret();
            TokenSecret secret = TokenSecret.of(raw);
            String value = header(id, secret, ProtocolVersion.V3_0, f, NOW).value()
                    .replace("version=\"3.0\"", "version=\"3.1\"");
            assertThat(WultraTokens.serverAcceptsHeader(value, raw)).isTrue();
            assertThatCode(() -> DEFAULTS.verify(TokenHeaderParser.parse(value), id, secret, NOW))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsTamperedNonceTimestampAndDigest() {
        TestTokenFactory f = new TestTokenFactory(851);
        for (int i = 0; i < 100; i++) {
            TokenId id = TokenId.of(WultraTokens.newTokenId());
            TokenSecret secret = TokenSecret.of(f.secret());
            ProtocolVersion v = ProtocolVersion.values()[i % 4];
            byte[] nonce = f.nonce();
            TokenHeader h = TokenHeader.generate(id, secret, v, nonce, NOW);
            byte[] otherNonce = nonce.clone();
            otherNonce[f.nextInt(16)] ^= 1;
            TokenHeader reNonced = TokenHeaderParser.parse(h.value().replace(WultraTokens.b64(nonce),
                    WultraTokens.b64(otherNonce)));
            TokenHeader reTimed = TokenHeaderParser.parse(h.value().replace(Long.toString(NOW), Long.toString(NOW + 1)));
            byte[] otherDigest = h.digest();
            otherDigest[f.nextInt(32)] ^= 1;
            TokenHeader reDigested = TokenHeaderParser.parse(h.value().replace(WultraTokens.b64(h.digest()),
                    WultraTokens.b64(otherDigest)));
            for (TokenHeader t : new TokenHeader[] {reNonced, reTimed, reDigested}) {
                assertReason(() -> DEFAULTS.verify(t, id, secret, NOW), Reason.DIGEST_MISMATCH);
            }
        }
    }

    @Test
    void rejectsHeaderOfAnotherToken() {
        TestTokenFactory f = new TestTokenFactory(861);
        TokenSecret secret = TokenSecret.of(f.secret());
        TokenId id = TokenId.of(WultraTokens.newTokenId());
        TokenId other = TokenId.of(WultraTokens.newTokenId());
        TokenHeader h = header(id, secret, ProtocolVersion.V3_3, f, NOW);
        assertReason(() -> DEFAULTS.verify(h, other, secret, NOW), Reason.TOKEN_ID_MISMATCH);
    }

    @Test
    void rejectsVersionsTheVerifierDoesNotAccept() {
        TestTokenFactory f = new TestTokenFactory(871);
        TokenSecret secret = TokenSecret.of(f.secret());
        TokenId id = TokenId.of(WultraTokens.newTokenId());
        TokenHeaderVerifier only33 = new TokenHeaderVerifier(7_200_000L, 1_800_000L, Set.of(ProtocolVersion.V3_3));
        assertThatCode(() -> only33.verify(header(id, secret, ProtocolVersion.V3_3, f, NOW), id, secret, NOW))
                .doesNotThrowAnyException();
        for (ProtocolVersion v : EnumSet.range(ProtocolVersion.V3_0, ProtocolVersion.V3_2)) {
            assertReason(() -> only33.verify(header(id, secret, v, f, NOW), id, secret, NOW),
                    Reason.UNSUPPORTED_VERSION);
        }
    }

    @Test
    void rejectsNonsensicalConfigurationAndServerTime() {
        assertThatThrownBy(() -> new TokenHeaderVerifier(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenHeaderVerifier(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenHeaderVerifier(0, 0, Set.of())).isInstanceOf(IllegalArgumentException.class);
        TestTokenFactory f = new TestTokenFactory(881);
        TokenSecret secret = TokenSecret.of(f.secret());
        TokenId id = TokenId.of(WultraTokens.newTokenId());
        TokenHeader h = header(id, secret, ProtocolVersion.V3_3, f, NOW);
        assertThatThrownBy(() -> DEFAULTS.verify(h, id, secret, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usesTheServerDefaults() {
        assertThat(DEFAULTS.pastValidityMs()).isEqualTo(TokenHeaderVerifier.DEFAULT_PAST_VALIDITY_MS);
        assertThat(DEFAULTS.futureValidityMs()).isEqualTo(TokenHeaderVerifier.DEFAULT_FUTURE_VALIDITY_MS);
        assertThat(DEFAULTS.acceptedVersions()).containsExactlyInAnyOrder(ProtocolVersion.values());
    }

    @Test
    void failureMessagesNeverContainDigestNonceSecretOrHeader() {
        TestTokenFactory f = new TestTokenFactory(891);
        byte[] raw = f.secret();
        TokenSecret secret = TokenSecret.of(raw);
        TokenId id = TokenId.of(WultraTokens.newTokenId());
        TokenHeader good = header(id, secret, ProtocolVersion.V3_3, f, NOW);
        TokenHeader badSecret = header(id, TokenSecret.of(f.secret()), ProtocolVersion.V3_3, f, NOW);
        TokenHeader old = header(id, secret, ProtocolVersion.V3_3, f, NOW - 10_000_000L);
        TokenHeader future = header(id, secret, ProtocolVersion.V3_3, f, NOW + 10_000_000L);
        TokenId other = TokenId.of(WultraTokens.newTokenId());
        Runnable[] failures = {
            () -> DEFAULTS.verify(badSecret, id, secret, NOW),
            () -> DEFAULTS.verify(old, id, secret, NOW),
            () -> DEFAULTS.verify(future, id, secret, NOW),
            () -> DEFAULTS.verify(good, other, secret, NOW)};
        TokenHeader[] headers = {badSecret, old, future, good};
        for (int i = 0; i < failures.length; i++) {
            InvalidTokenHeaderException e = catchThrowableOfType(InvalidTokenHeaderException.class,
                    failures[i]::run);
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).doesNotContain(
                    WultraTokens.b64(headers[i].digest()), WultraTokens.b64(headers[i].nonce()),
                    WultraTokens.b64(raw), headers[i].value(), id.value(), other.value(),
                    Long.toString(headers[i].timestampMs()));
        }
    }

    private static TokenHeader header(TokenId id, TokenSecret secret, ProtocolVersion v, TestTokenFactory f,
            long ts) {
        return TokenHeader.generate(id, secret, v, f.nonce(), ts);
    }

    private static void assertReason(Runnable call, Reason reason) {
        InvalidTokenHeaderException e = catchThrowableOfType(InvalidTokenHeaderException.class, call::run);
        assertThat(e).as("expected %s", reason).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
    }
}
