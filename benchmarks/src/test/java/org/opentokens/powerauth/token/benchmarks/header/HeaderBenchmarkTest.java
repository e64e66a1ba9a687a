package org.opentokens.powerauth.token.benchmarks.header;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;

/** All three sides of the header comparison produce headers the server accepts, so they do the same work. */
class HeaderBenchmarkTest {
    private static final HeaderBenchmark BENCHMARK = new HeaderBenchmark();
    private static HeaderState state;
    private static FloorState floor;

    @BeforeAll
    static void setUp() throws Exception {
        state = new HeaderState();
        state.random = HeaderRandom.PER_THREAD;
        state.setUp();
        floor = new FloorState();
        floor.setUp(state);
    }

    @AfterAll
    static void tearDown() {
        state.tearDown();
    }

    @Test
    void oursGivesAHeaderTheServerAccepts() {
        PowerAuthAuthorizationHttpHeader header = BENCHMARK.ours(state);

        assertThat(header.key()).isEqualTo(TokenHeader.HEADER_NAME);
        assertThat(state.graph.useHeader(header)).isEqualTo(200);
    }

    @Test
    void wultrasPathGivesAHeaderTheServerAccepts() throws Exception {
        assertThat(state.graph.useHeader(TokenHeader.HEADER_NAME, BENCHMARK.wultra(state))).isEqualTo(200);
    }

    @Test
    void theFloorComputesARealHeaderTheServerAccepts() {
        String value = BENCHMARK.floor(state, floor);

        assertThat(TokenHeaderParser.parse(value).tokenId().value()).isEqualTo(state.tokenId);
        assertThat(state.graph.useHeader(TokenHeader.HEADER_NAME, value)).isEqualTo(200);
    }

    @Test
    void everyCallUsesAFreshNonce() {
        byte[] nonceA = TokenHeaderParser.parse(BENCHMARK.ours(state).value()).nonce();
        byte[] nonceB = TokenHeaderParser.parse(BENCHMARK.ours(state).value()).nonce();

        assertThat(nonceA).isNotEqualTo(nonceB);
    }

    @Test
    void bothKindsOfRandomnessWork() {
        assertThat(HeaderRandom.source(HeaderRandom.SHARED).nextBytes(16)).hasSize(16);
        assertThat(HeaderRandom.source(HeaderRandom.PER_THREAD_DRBG).nextBytes(16)).hasSize(16);
        assertThat(HeaderRandom.floorGenerator(HeaderRandom.SHARED)).isNotNull();
    }
}
