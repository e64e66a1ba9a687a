package org.opentokens.powerauth.token.wiring.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorToken;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.testing.Reliability;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.reliability.StressLedger.Op;

/**
 * Eight threads mix requestAccessToken, generateHeaderForToken, removeAccessToken and removeAllLocalTokens on 50
 * names against one activation over real HTTP, in rounds. Every header is verified by the emulator as it is made;
 * after every round (all threads and futures done) the invariants are checked:
 * <ul>
 *   <li>no header for a removed token: a header is accepted unless its token was removed on the server, and no
 *       header comes from a call started after its token's removal had returned;</li>
 *   <li>no lost token: every token the store holds exists on the server, every token a request returned is held,
 *       removed (and gone from the server) or dropped by removeAllLocalTokens, and the server holds no token the
 *       client neither holds nor dropped;</li>
 *   <li>at most one live server token per name (live: not dropped locally);</li>
 *   <li>no deadlock: every round ends within a bound, else the test fails with a thread dump.</li>
 * </ul>
 */
@Tag("reliability")
class TokenStressReliabilityTest {
    private static final int THREADS = 8;
    private static final int NAMES = 50;
    private static final String INSTANCE = "stress";
    private static final long ROUND_BOUND_S = 120;
    /** Each thread keeps at most this many of its server calls in flight before it waits for them. */
    private static final int MAX_PENDING = 2;

    private final StressLedger ledger = new StressLedger();
    private final ReliabilityBed bed = new ReliabilityBed(storage -> new RecordingStorage(storage,
            ledger::storageChanged));
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    private final Map<Op, Integer> operations = new EnumMap<>(Op.class);
    private int checks;
    private int maxLivePerName;

    @AfterEach
    void close() {
        workers.shutdownNow();
        bed.close();
    }

    @Test
    void mixedOperationsOnFiftyNamesKeepEveryInvariant() throws Exception {
        Duration total = Reliability.pick(Duration.ofSeconds(2), Duration.ofSeconds(10));
        int rounds = Reliability.pick(8, 20);
        PowerAuthClient client = bed.client(bed.config(INSTANCE, Duration.ofSeconds(20)).build());
        String activationId = bed.activate(client);
        client.timeSynchronization();
        long seed = System.nanoTime();
        long slice = total.toNanos() / rounds;

        for (int round = 0; round < rounds; round++) {
            long deadline = System.nanoTime() + slice;
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                SplittableRandom random = new SplittableRandom(seed + round * 31L + t);
                running.add(workers.submit(() -> work(client, activationId, random, deadline)));
            }
            for (Future<?> future : running) {
                try {
                    future.get(ROUND_BOUND_S, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("round " + round + " did not finish: possible deadlock\n" + dump(), e);
                }
            }
            checkQuiescent(client, activationId);
        }

        Map<Op, Long> succeeded = countSucceeded();
        assertThat(ledger.violations()).as("invariant violations").isEmpty();
        assertThat(unexpectedFailures()).as("failures other than 'no such token'").isEmpty();
        assertThat(succeeded.get(Op.REQUEST)).isPositive();
        assertThat(succeeded.get(Op.HEADER)).isPositive();
        assertThat(succeeded.get(Op.REMOVE)).isPositive();
        assertThat(succeeded.get(Op.REMOVE_ALL)).isPositive();
        assertThat(checks).isEqualTo(rounds);
        Reliability.record("stress: 8 threads, 50 names, " + total.toSeconds() + " s (seed " + seed + ")",
                describe(succeeded) + "; " + ledger.headers() + " headers verified by the emulator; " + checks
                        + " quiescent invariant checks, 0 violations; max live server tokens per name "
                        + maxLivePerName + "; no deadlock");
    }

    private void work(PowerAuthClient client, String activationId, SplittableRandom random, long deadline) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String name = "n" + random.nextInt(NAMES);
            int dice = random.nextInt(100);
            if (dice < 35) {
                pending.add(request(client, name));
            } else if (dice < 88) {
                // Half the headers go to a name the store holds right now, so that most of them are real.
                List<String> held = List.copyOf(client.tokenStore().localTokenNames());
                header(client, activationId, held.isEmpty() || random.nextBoolean() ? name
                        : held.get(random.nextInt(held.size())));
            } else if (dice < 98) {
                pending.add(remove(client, name));
            } else {
                long start = ledger.tick();
                client.tokenStore().removeAllLocalTokens();
                ledger.call(new StressLedger.Call(Op.REMOVE_ALL, null, start, ledger.tick(), null, null));
            }
            if (pending.size() >= MAX_PENDING) {
                settle(pending);
            }
        }
        settle(pending);
    }

    /** Waits for this thread's outstanding server calls (they fail or succeed; the ledger has them). */
    private static void settle(List<CompletableFuture<?>> pending) {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).handle((r, e) -> null).join();
        pending.clear();
    }

    private CompletableFuture<?> request(PowerAuthClient client, String name) {
        long start = ledger.tick();
        return client.tokenStore().requestAccessToken(name, PowerAuthAuthentication.possession())
                .whenComplete((token, failure) -> ledger.call(new StressLedger.Call(Op.REQUEST, name, start,
                        ledger.tick(), token == null ? null : token.tokenIdentifier().value(), unwrap(failure))));
    }

    private CompletableFuture<?> remove(PowerAuthClient client, String name) {
        long start = ledger.tick();
        return client.tokenStore().removeAccessToken(name).whenComplete((done, failure) -> ledger.call(
                new StressLedger.Call(Op.REMOVE, name, start, ledger.tick(), null, unwrap(failure))));
    }

    private void header(PowerAuthClient client, String activationId, String name) {
        long start = ledger.tick();
        PowerAuthAuthorizationHttpHeader header;
        try {
            header = client.tokenStore().generateHeaderForToken(name);
        } catch (RuntimeException e) {
            ledger.call(new StressLedger.Call(Op.HEADER, name, start, ledger.tick(), null, e));
            return;
        }
        long end = ledger.tick();
        String tokenId = ReliabilityBed.tokenIdOf(header);
        int status = bed.verify(header);
        if (status != 200 && bed.emulator.tokens(activationId).stream()
                .anyMatch(token -> token.tokenId().equals(tokenId))) {
            ledger.violation("a header was rejected (" + status + ") while its token still exists on the server");
        }
        ledger.header(new StressLedger.Header(tokenId, start, end, status));
        ledger.call(new StressLedger.Call(Op.HEADER, name, start, end, null, null));
    }

    private void checkQuiescent(PowerAuthClient client, String activationId) {
        ledger.checkNoHeaderAfterRemoval();
        Map<String, String> stored = stored();
        Set<String> server = bed.emulator.tokens(activationId).stream().map(EmulatorToken::tokenId)
                .collect(Collectors.toSet());
        Set<String> removed = ledger.deleted(RecordingStorage.Change.DELETED_ONE);
        Set<String> dropped = ledger.deleted(RecordingStorage.Change.DELETED_IN_BULK);
        Set<String> issued = ledger.issued();
        check(server.containsAll(stored.keySet()), "the store holds a token the server does not have");
        check(removed.stream().noneMatch(server::contains), "a removed token still exists on the server");
        for (String id : server) {
            check(stored.containsKey(id) || dropped.contains(id), "the server holds a token the client neither"
                    + " holds nor dropped (a lost or duplicate token)");
            check(issued.contains(id), "the server holds a token no request returned");
        }
        for (String id : issued) {
            check(stored.containsKey(id) || removed.contains(id) || dropped.contains(id),
                    "a token a request returned is neither held, removed nor dropped");
        }
        Map<String, Integer> livePerName = new HashMap<>();
        Map<String, String> names = ledger.names();
        server.stream().filter(id -> !dropped.contains(id))
                .forEach(id -> livePerName.merge(names.getOrDefault(id, "?"), 1, Integer::sum));
        int max = livePerName.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        maxLivePerName = Math.max(maxLivePerName, max);
        check(max <= 1, "a name has more than one live server token");
        Set<String> cachedNames = client.tokenStore().localTokenNames();
        check(cachedNames.equals(new HashSet<>(stored.values())), "the cache and the storage disagree on names");
        for (Map.Entry<String, String> entry : stored.entrySet()) {
            check(client.tokenStore().getLocalToken(entry.getValue()).map(PowerAuthToken::tokenIdentifier)
                    .map(id -> id.value().equals(entry.getKey())).orElse(false), "the cache and the storage disagree");
        }
        checks++;
    }

    /** @return token id to name of every token record in storage */
    private Map<String, String> stored() {
        StorageNamespace namespace = StorageNamespace.of(INSTANCE);
        Map<String, String> tokens = new HashMap<>();
        for (String entry : bed.storage.names(namespace)) {
            if (entry.startsWith("token:")) {
                bed.storage.get(namespace, entry).ifPresent(value -> {
                    TokenRecord record = TokenRecord.decode(value);
                    tokens.put(record.tokenId().value(), record.tokenName());
                    record.destroy();
                });
            }
        }
        return tokens;
    }

    private void check(boolean holds, String what) {
        if (!holds) {
            ledger.violation(what);
        }
    }

    private Map<Op, Long> countSucceeded() {
        Map<Op, Long> succeeded = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            succeeded.put(op, 0L);
            operations.put(op, 0);
        }
        for (StressLedger.Call call : ledger.calls()) {
            operations.merge(call.op(), 1, Integer::sum);
            if (call.failure() == null) {
                succeeded.merge(call.op(), 1L, Long::sum);
            }
        }
        return succeeded;
    }

    private List<String> unexpectedFailures() {
        return ledger.calls().stream().map(StressLedger.Call::failure)
                .filter(f -> f != null && !(f instanceof TokenNotFoundException))
                .map(f -> f.getClass().getSimpleName() + ": " + f.getMessage()).distinct().toList();
    }

    private String describe(Map<Op, Long> succeeded) {
        return operations.entrySet().stream().map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " "
                + e.getValue() + " (" + succeeded.get(e.getKey()) + " ok)").collect(Collectors.joining(", "));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    private static String dump() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append(info);
        }
        return out.toString();
    }
}
