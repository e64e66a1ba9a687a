package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.testing.Reliability;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * A burst of headers generated at once by several threads from one token (10,000 in the long mode): every value,
 * nonce and digest is unique, and over real HTTP the emulator accepts each header once and rejects its replay
 * (the emulator keeps every token nonce for the whole timestamp window, as the server does).
 */
@Tag("reliability")
class ReplayBurstTest {
    private static final int THREADS = 8;
    private final HygieneBed bed = new HygieneBed();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        bed.close();
    }

    @Test
    void aBurstOfHeadersIsAllUniqueAndEachIsAcceptedExactlyOnce() throws Exception {
        int count = Reliability.pick(300, 10_000);
        PowerAuthClient client = bed.client(bed.config("burst", ProtocolVersion.V3_3), new InMemoryStorageModule());
        bed.activate(client);
        client.tokenStore().requestAccessToken("burst", PowerAuthAuthentication.possession()).join();
        client.tokenStore().generateHeaderForToken("burst");

        ConcurrentLinkedQueue<String> generated = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        long generateStart = System.nanoTime();
        runOnAllThreads(count, i -> {
            generated.add(client.tokenStore().generateHeaderForToken("burst").value());
            return 0;
        }, start);
        long generateMs = (System.nanoTime() - generateStart) / 1_000_000;
        List<String> values = new ArrayList<>(generated);
        values.forEach(SecretRegistry::header);

        Set<String> nonces = new HashSet<>();
        Set<String> digests = new HashSet<>();
        for (String value : values) {
            TokenHeader header = TokenHeaderParser.parse(value);
            nonces.add(Base64.getEncoder().encodeToString(header.nonce()));
            digests.add(Base64.getEncoder().encodeToString(header.digest()));
        }
        long sendStart = System.nanoTime();
        int accepted = countStatus(values, 200);
        long sendMs = (System.nanoTime() - sendStart) / 1_000_000;
        int replaysRejected = countStatus(values, 401);

        Reliability.record("replay: burst of headers", count + " headers on " + THREADS + " threads in " + generateMs
                + " ms; " + new HashSet<>(values).size() + " unique values, " + nonces.size() + " unique nonces, "
                + digests.size() + " unique digests; " + accepted + " accepted over HTTP (" + sendMs + " ms), "
                + replaysRejected + " replays rejected");
        assertThat(values).hasSize(count).doesNotHaveDuplicates();
        assertThat(nonces).hasSize(count);
        assertThat(digests).hasSize(count);
        assertThat(accepted).as("accepted on first use").isEqualTo(count);
        assertThat(replaysRejected).as("rejected on replay").isEqualTo(count);
    }

    /** @return how many of the headers the sample resource answered with the status, sent from all threads */
    private int countStatus(List<String> values, int status) throws Exception {
        List<Integer> matches = runOnAllThreads(values.size(), i -> bed.send(values.get(i)) == status ? 1 : 0,
                new CountDownLatch(0));
        return matches.stream().mapToInt(Integer::intValue).sum();
    }

    /** Runs task(0..count-1) spread over the pool, all threads released together. @return the results */
    private List<Integer> runOnAllThreads(int count, IntFunction<Integer> task, CountDownLatch gate)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                ready.countDown();
                gate.await();
                List<Integer> results = new ArrayList<>();
                for (int i = first; i < count; i += THREADS) {
                    results.add(task.apply(i));
                }
                return results;
            }));
        }
        ready.await();
        gate.countDown();
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> future : futures) {
            all.addAll(future.get(5, TimeUnit.MINUTES));
        }
        assertThat(all).hasSize(count);
        return all;
    }
}
