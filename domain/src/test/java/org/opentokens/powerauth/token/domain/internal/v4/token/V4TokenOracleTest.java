package org.opentokens.powerauth.token.domain.internal.v4.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.wultra.security.powerauth.crypto.client.v4.token.ClientTokenGenerator;
import com.wultra.security.powerauth.crypto.server.v4.token.ServerTokenGenerator;
import com.wultra.security.powerauth.crypto.server.v4.token.ServerTokenVerifier;
import com.wultra.security.powerauth.http.PowerAuthTokenHttpHeader;
import com.wultra.security.powerauth.http.validator.PowerAuthTokenHttpHeaderValidator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.V4Vectors;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderParser;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderVerifier;

/**
 * The 4.0 token digest and {@code X-PowerAuth-Token} header both ways against Wultra 2.0.1: its client digest equals
 * ours, its server verifier and header validator accept our headers, and we parse and verify headers it builds.
 */
class V4TokenOracleTest {
    private static final ClientTokenGenerator CLIENT = new ClientTokenGenerator();
    private static final ServerTokenVerifier SERVER = new ServerTokenVerifier();
    private static final ServerTokenGenerator SERVER_GENERATOR = new ServerTokenGenerator();
    private static final long BASE_TS = 1_769_422_877_091L;

    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @Test
    void digestEqualsWultrasClientDigestAndItsServerAcceptsIt() throws Exception {
        Random r = new Random(4201);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] secret = i % 3 == 0 ? SERVER_GENERATOR.generateTokenSecret("4.0")
                    : V4Oracle.bytes(r, 32);
            byte[] nonce = V4Oracle.bytes(r, 16);
            long ts = timestamp(r);
            byte[] tsBytes = Long.toString(ts).getBytes(StandardCharsets.UTF_8);
            byte[] ours = V4TokenDigest.compute(V4TokenSecret.of(secret), nonce, ts);
            assertThat(ours).as("case %d", i).isEqualTo(CLIENT.computeTokenDigest(nonce, tsBytes, "4.0", secret));
            assertThat(SERVER.validateTokenDigest(nonce, tsBytes, "4.0", secret, ours)).isTrue();
            ours[r.nextInt(32)] ^= 1;
            assertThat(SERVER.validateTokenDigest(nonce, tsBytes, "4.0", secret, ours)).isFalse();
        }
    }

    @Test
    void wultraParsesValidatesAndVerifiesOurHeaders() throws Exception {
        Random r = new Random(4202);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            String id = SERVER_GENERATOR.generateTokenId();
            byte[] secret = V4Oracle.bytes(r, 32);
            byte[] nonce = V4Oracle.bytes(r, 16);
            long ts = timestamp(r);
            V4TokenHeaderGenerator generator = new V4TokenHeaderGenerator(TokenId.of(id), V4TokenSecret.of(secret));
            String value = i % 2 == 0 ? generator.headerValue(nonce, ts)
                    : V4TokenHeader.generate(TokenId.of(id), V4TokenSecret.of(secret), nonce, ts).value();

            PowerAuthTokenHttpHeader h = new PowerAuthTokenHttpHeader().fromValue(value);
            PowerAuthTokenHttpHeaderValidator.validate(h);
            assertThat(h.getVersion()).isEqualTo("4.0");
            assertThat(h.getTokenId()).isEqualTo(id);
            assertThat(Base64.getDecoder().decode(h.getNonce())).isEqualTo(nonce);
            assertThat(Long.parseLong(h.getTimestamp())).isEqualTo(ts);
            assertThat(SERVER.validateTokenDigest(Base64.getDecoder().decode(h.getNonce()),
                    SERVER.convertTokenTimestamp(Long.parseLong(h.getTimestamp())), h.getVersion(), secret,
                    Base64.getDecoder().decode(h.getTokenDigest()))).as("case %d", i).isTrue();
        }
    }

    @Test
    void weParseAndVerifyHeadersBuiltByWultra() throws Exception {
        Random r = new Random(4203);
        V4TokenHeaderVerifier verifier = new V4TokenHeaderVerifier();
        for (int i = 0; i < V4Oracle.CASES; i++) {
            String id = SERVER_GENERATOR.generateTokenId();
            byte[] secret = V4Oracle.bytes(r, 32);
            byte[] nonce = i % 2 == 0 ? CLIENT.generateTokenNonce() : V4Oracle.bytes(r, 16);
            long ts = timestamp(r);
            byte[] digest = CLIENT.computeTokenDigest(nonce, Long.toString(ts).getBytes(StandardCharsets.UTF_8), "4.0", secret);
            String value = new PowerAuthTokenHttpHeader(id, b64(digest), b64(nonce), Long.toString(ts), "4.0").buildHttpHeader();

            V4TokenHeader header = V4TokenHeaderParser.parse(value);
            assertThat(header.tokenId()).isEqualTo(TokenId.of(id));
            assertThat(header.digest()).isEqualTo(digest);
            assertThat(header.nonce()).isEqualTo(nonce);
            assertThat(header.timestampMs()).isEqualTo(ts);
            long now = ts - 60_000 + r.nextInt(120_001);
            verifier.verify(header, TokenId.of(id), V4TokenSecret.of(secret), now);
        }
    }

    /** {@code Token_Digest_Test_Vectors.json}: 100/100 match 2.0.1 (protocol-v4.md §9); timestamp is Base64 of the decimal text. */
    @Test
    void matchesEveryPublishedTokenDigestVector() {
        List<JsonNode> vectors = V4Vectors.load("Token_Digest_Test_Vectors.json", "token_digest_test_vectors");
        for (JsonNode v : vectors) {
            byte[] secret = Base64.getDecoder().decode(v.get("tokenSecret").asText());
            long ts = Long.parseLong(new String(Base64.getDecoder().decode(v.get("timestamp").asText()), StandardCharsets.UTF_8));
            byte[] nonce = Base64.getDecoder().decode(v.get("nonce").asText());
            assertThat(V4TokenDigest.compute(V4TokenSecret.of(secret), nonce, ts))
                    .isEqualTo(Base64.getDecoder().decode(v.get("tokenDigest").asText()));
        }
        assertThat(vectors).hasSize(100);
    }

    static long timestamp(Random r) {
        return BASE_TS + r.nextInt(1_000_000_000);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
