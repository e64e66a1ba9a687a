package org.opentokens.powerauth.token.benchmarks.v4;

import static org.assertj.core.api.Assertions.assertThat;

import com.wultra.security.powerauth.crypto.server.v4.token.ServerTokenVerifier;
import com.wultra.security.powerauth.http.PowerAuthTokenHttpHeader;
import com.wultra.security.powerauth.http.validator.PowerAuthTokenHttpHeaderValidator;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * All three sides of the 4.0 header comparison produce headers that Wultra 2.0.1's validator and server-side
 * {@code ServerTokenVerifier} accept for the token, so they do the same work.
 */
class V4HeaderBenchmarkTest {
    private static final V4HeaderBenchmark BENCHMARK = new V4HeaderBenchmark();
    private static V4HeaderState state;
    private static V4FloorState floor;

    @BeforeAll
    static void setUp() {
        state = new V4HeaderState();
        state.setUp();
        floor = new V4FloorState();
        floor.setUp(state);
    }

    @AfterAll
    static void tearDown() {
        state.tearDown();
    }

    @Test
    void oursIsAcceptedByWultrasServer() throws Exception {
        assertAccepted(BENCHMARK.ours(state));
    }

    @Test
    void wultrasPathIsAcceptedByWultrasServer() throws Exception {
        assertAccepted(BENCHMARK.wultra(state));
    }

    @Test
    void theFloorComputesARealHeader() throws Exception {
        assertAccepted(BENCHMARK.floor(state, floor));
        assertAccepted(BENCHMARK.floor(state, floor));
    }

    @Test
    void everyCallUsesAFreshNonce() {
        String a = new PowerAuthTokenHttpHeader().fromValue(BENCHMARK.ours(state)).getNonce();
        String b = new PowerAuthTokenHttpHeader().fromValue(BENCHMARK.ours(state)).getNonce();

        assertThat(a).isNotEqualTo(b);
    }

    private static void assertAccepted(String value) throws Exception {
        PowerAuthTokenHttpHeader header = new PowerAuthTokenHttpHeader().fromValue(value);
        PowerAuthTokenHttpHeaderValidator.validate(header);
        assertThat(header.getTokenId()).isEqualTo(state.tokenId);
        assertThat(header.getVersion()).isEqualTo("4.0");
        ServerTokenVerifier verifier = new ServerTokenVerifier();
        assertThat(verifier.validateTokenDigest(Base64.getDecoder().decode(header.getNonce()),
                verifier.convertTokenTimestamp(Long.parseLong(header.getTimestamp())), "4.0", state.tokenSecret,
                Base64.getDecoder().decode(header.getTokenDigest()))).isTrue();
    }
}
