package org.opentokens.powerauth.token.benchmarks.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.domain.server.AuthorizationHeaderParser;

/** Both sides of the token-create comparison sign valid requests and decrypt the server's real answer. */
class TokenCreateBenchmarkTest {
    private static final TokenCreateBenchmark BENCHMARK = new TokenCreateBenchmark();
    private static TokenCreateState state;

    @BeforeAll
    static void setUp() throws Exception {
        state = new TokenCreateState();
        state.setUp();
    }

    @Test
    void bothRequestHalvesGiveValidSignatureHeadersForTheSameActivation() throws Exception {
        AuthorizationHeader ours = AuthorizationHeaderParser.parse(BENCHMARK.oursRequest(state));
        AuthorizationHeader theirs = AuthorizationHeaderParser.parse(BENCHMARK.wultraRequest(state));

        assertThat(ours.activationId()).isEqualTo(theirs.activationId()).isEqualTo(state.activationId);
        assertThat(ours.signature()).hasSameSizeAs(theirs.signature());
    }

    @Test
    void bothResponseHalvesDecryptTheServersTokenResponse() throws Exception {
        OurTokenResponse ours = new OurTokenResponse();
        ours.prepare(state);
        WultraTokenResponse theirs = new WultraTokenResponse();
        theirs.prepare(state);

        String expected = new String(state.tokenResponse(), StandardCharsets.UTF_8);
        assertThat(new String(BENCHMARK.oursResponse(ours), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(new String(BENCHMARK.wultraResponse(theirs), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void ourRequestsEncryptToTheReusedTemporaryKeyEveryTime() {
        for (int i = 0; i < 4; i++) {
            assertThat(BENCHMARK.oursRequest(state)).startsWith("PowerAuth ");
        }
    }
}
