package org.opentokens.powerauth.token.benchmarks.header;

import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.benchmarks.fixture.ClientGraph;
import org.opentokens.powerauth.token.benchmarks.fixture.WultraProvider;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A client with one cached token ({@value #TOKEN_NAME}) and synchronized time, shared by every benchmark
 * thread, plus the same token's id and secret for the baselines.
 */
@State(Scope.Benchmark)
public class HeaderState {
    /** The cached token's name. */
    public static final String TOKEN_NAME = "bench";

    /**
     * {@code perThread}: one SHA1PRNG per thread ({@link RandomSource#perThread}), what the library recommends to
     * multi-threaded hosts; {@code shared}: one default {@code new SecureRandom()} (NativePRNG on Linux) shared by
     * all threads ({@link RandomSource#of}). The floor draws from a generator of the same kind.
     */
    @Param({HeaderRandom.PER_THREAD})
    public String random;

    ClientGraph graph;
    String tokenId;
    byte[] tokenSecret;

    /** Activates, requests the token and generates one header, so time is synchronized before measuring. */
    @Setup(Level.Trial)
    public void setUp() {
        WultraProvider.ensureRegistered();
        graph = new ClientGraph(new InMemorySecureStorage(), HeaderRandom.source(random));
        graph.activate();
        graph.requestToken(TOKEN_NAME);
        PowerAuthAuthorizationHttpHeader first = graph.tokens().generateHeaderForToken(TOKEN_NAME);
        if (graph.useHeader(first) != 200) {
            throw new IllegalStateException("the emulator rejected the benchmark's token header");
        }
        tokenId = graph.storedToken(TOKEN_NAME).tokenId().value();
        tokenSecret = graph.tokenSecretBytes(TOKEN_NAME);
    }

    /** Stops the emulator. */
    @TearDown(Level.Trial)
    public void tearDown() {
        graph.close();
    }

}
