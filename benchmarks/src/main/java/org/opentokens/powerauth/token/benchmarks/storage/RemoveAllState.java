package org.opentokens.powerauth.token.benchmarks.storage;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.benchmarks.fixture.ClientGraph;
import org.opentokens.powerauth.token.benchmarks.fixture.WultraProvider;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * An activated client whose storage holds {@value #TOKENS} tokens of its activation before every measured wipe,
 * written straight into storage (one batch) outside the measurement.
 */
@State(Scope.Benchmark)
public class RemoveAllState {
    /** Tokens stored before each wipe. */
    static final int TOKENS = 10_000;

    /** The back end: {@code memory}, {@code sqlite} or {@code postgres}. */
    @Param({Backends.MEMORY, Backends.SQLITE, Backends.POSTGRES})
    public String backend;

    ClientGraph graph;
    private Path directory;
    private Map<String, SecretBytes> tokens;

    /**
     * Activates a client on the chosen storage and encodes the tokens once.
     *
     * @throws Exception if the storage cannot be opened
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        WultraProvider.ensureRegistered();
        directory = Backends.temporaryDirectory();
        graph = new ClientGraph(Backends.open(backend, directory), RandomSource.of(new SecureRandom()));
        graph.activate();
        String activationId = graph.state().snapshot().requireUsable().activationId();
        SecureRandom random = new SecureRandom();
        tokens = new HashMap<>();
        for (int i = 0; i < TOKENS; i++) {
            byte[] secret = new byte[TokenSecret.LENGTH];
            random.nextBytes(secret);
            String name = "bench-" + i;
            TokenRecord record = TokenRecord.of(name, TokenId.of(uuid(random)), TokenSecret.of(secret),
                    activationId, PowerAuthSignatureType.POSSESSION_KNOWLEDGE, 1_700_000_000_000L);
            tokens.put(InstanceStore.TOKEN_ENTRY_PREFIX + name, record.encode());
        }
    }

    /** Stores the tokens again; the previous iteration wiped them. */
    @Setup(Level.Iteration)
    public void fill() {
        graph.storage().putAll(graph.configuration().namespace(), tokens);
        if (storedTokens() != TOKENS) {
            throw new IllegalStateException("the storage does not hold the benchmark's tokens");
        }
    }

    /** @return how many token entries the storage holds */
    int storedTokens() {
        return (int) graph.storage().names(graph.configuration().namespace()).stream()
                .filter(n -> n.startsWith(InstanceStore.TOKEN_ENTRY_PREFIX)).count();
    }

    /** @throws Exception if closing fails */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        graph.close();
        Backends.close(graph.storage());
        Backends.delete(directory);
    }

    private static String uuid(SecureRandom random) {
        return new java.util.UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (2L << 62))
                .toString();
    }
}
