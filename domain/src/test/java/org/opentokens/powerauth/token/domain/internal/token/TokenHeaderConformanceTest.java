package org.opentokens.powerauth.token.domain.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.http.PowerAuthTokenHttpHeader;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.domain.server.TokenHeaderVerifier;

/**
 * Header round trips in both directions against Wultra's {@code PowerAuthTokenHttpHeader},
 * {@code PowerAuthTokenHttpHeaderValidator}, {@code ClientTokenGenerator} and {@code ServerTokenVerifier}.
 */
class TokenHeaderConformanceTest {
    private static final TokenHeaderVerifier VERIFIER = new TokenHeaderVerifier();

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void wultraServerParsesValidatesAndVerifiesOurHeaders(ProtocolVersion v) {
        TestTokenFactory f = new TestTokenFactory(101 + v.ordinal());
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            String id = WultraTokens.newTokenId();
            byte[] secret = f.secret();
            byte[] nonce = f.nonce();
            long ts = f.timestamp();
            String value = TokenHeader.generate(TokenId.of(id), TokenSecret.of(secret), v, nonce, ts).value();

            Optional<PowerAuthTokenHttpHeader> parsed = WultraTokens.parseAndValidate(value);
            assertThat(parsed).as("case %d", i).isPresent();
            PowerAuthTokenHttpHeader h = parsed.get();
            assertThat(h.getTokenId()).isEqualTo(id);
            assertThat(h.getVersion()).isEqualTo(v.wireValue());
            assertThat(Base64.getDecoder().decode(h.getNonce())).isEqualTo(nonce);
            assertThat(Long.parseLong(h.getTimestamp())).isEqualTo(ts);
            assertThat(WultraTokens.serverAcceptsHeader(value, secret)).as("case %d", i).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void weParseAndVerifyHeadersBuiltByWultra(ProtocolVersion v) {
        TestTokenFactory f = new TestTokenFactory(201 + v.ordinal());
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            String id = WultraTokens.newTokenId();
            byte[] secret = f.secret();
            byte[] nonce = f.nonce();
            long ts = f.timestamp();
            byte[] theirDigest = WultraTokens.clientDigest(nonce, ts, v.wireValue(), secret);
            String value = WultraTokens.buildHeader(id, theirDigest, nonce, Long.toString(ts), v.wireValue());

            TokenHeader header = TokenHeaderParser.parse(value);
            assertThat(header.version()).isEqualTo(v);
            assertThat(header.tokenId()).isEqualTo(TokenId.of(id));
            assertThat(header.digest()).isEqualTo(theirDigest);
            assertThat(header.nonce()).isEqualTo(nonce);
            assertThat(header.timestampMs()).isEqualTo(ts);
            long now = ts - TokenHeaderVerifier.DEFAULT_FUTURE_VALIDITY_MS
                    + f.nextLong(TokenHeaderVerifier.DEFAULT_FUTURE_VALIDITY_MS
                            + TokenHeaderVerifier.DEFAULT_PAST_VALIDITY_MS + 1);
            VERIFIER.verify(header, TokenId.of(id), TokenSecret.of(secret), now);

            TokenHeader ours = TokenHeader.generate(TokenId.of(id), TokenSecret.of(secret), v, nonce, ts);
            assertThat(ours.digest()).as("case %d", i).isEqualTo(theirDigest);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void rendersFieldsInSdkOrderWithVersionFirst(ProtocolVersion v) {
        TestTokenFactory f = new TestTokenFactory(301 + v.ordinal());
        String id = WultraTokens.newTokenId();
        byte[] nonce = f.nonce();
        long ts = 1_700_000_000_123L;
        TokenHeader header = TokenHeader.generate(TokenId.of(id), TokenSecret.of(f.secret()), v, nonce, ts);
        String expected = "PowerAuth version=\"" + v.wireValue() + "\", token_id=\"" + id + "\", token_digest=\""
                + WultraTokens.b64(header.digest()) + "\", nonce=\"" + WultraTokens.b64(nonce)
                + "\", timestamp=\"" + ts + "\"";
        assertThat(header.value()).isEqualTo(expected);
        assertThat(TokenHeader.HEADER_NAME).isEqualTo(PowerAuthTokenHttpHeader.HEADER_NAME);
    }

    @Test
    void padsShortTimestampsToNineDigitsAndWultraStillAccepts() {
        TestTokenFactory f = new TestTokenFactory(401);
        for (long ts : new long[] {0L, 1L, 99_999_999L}) {
            byte[] secret = f.secret();
            String value = TokenHeader.generate(TokenId.of(WultraTokens.newTokenId()), TokenSecret.of(secret),
                    ProtocolVersion.V3_3, f.nonce(), ts).value();
            assertThat(WultraTokens.serverAcceptsHeader(value, secret)).as("ts %d", ts).isTrue();
            assertThat(TokenHeaderParser.parse(value).timestampMs()).isEqualTo(ts);
        }
    }

    @Test
    void roundTripsThroughOurOwnParser() {
        TestTokenFactory f = new TestTokenFactory(501);
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            ProtocolVersion v = ProtocolVersion.values()[i % 4];
            TokenId id = TokenId.of(WultraTokens.newTokenId());
            TokenSecret secret = TokenSecret.of(f.secret());
            long ts = f.timestamp();
            TokenHeader header = TokenHeader.generate(id, secret, v, f.nonce(), ts);
            TokenHeader back = TokenHeaderParser.parse(header.value());
            assertThat(back.value()).isEqualTo(header.value());
            VERIFIER.verify(back, id, secret, ts);
        }
    }
}
