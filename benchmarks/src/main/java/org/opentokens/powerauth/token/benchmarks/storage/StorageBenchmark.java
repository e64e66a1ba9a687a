package org.opentokens.powerauth.token.benchmarks.storage;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** Storage latency and the 10,000-token wipe. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StorageBenchmark {

    /**
     * One overwrite of an existing entry.
     *
     * @param s the storage
     */
    @Benchmark
    public void put(StorageState s) {
        s.storage.put(s.namespace, s.nextName(), s.value);
    }

    /**
     * One read of an existing entry.
     *
     * @param s the storage
     * @return the value
     */
    @Benchmark
    public Optional<SecretBytes> get(StorageState s) {
        return s.storage.get(s.namespace, s.nextName());
    }

    /**
     * {@code PowerAuthTokenStore.removeAllLocalTokens} with {@value RemoveAllState#TOKENS} tokens stored.
     *
     * @param s the client and its stored tokens
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void removeAllLocalTokens(RemoveAllState s) {
        s.graph.tokens().removeAllLocalTokens();
    }
}
