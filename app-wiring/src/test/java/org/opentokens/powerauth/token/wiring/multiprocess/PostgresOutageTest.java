package org.opentokens.powerauth.token.wiring.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.port.out.PostgresTestSchema;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * PostgreSQL stopped ({@code pg_ctl stop -m immediate}, as in a crash) and started again while writers put
 * two-entry batches: while it is down every call fails with {@link StorageUnavailableException}; once it is back
 * the same storage object works again; every acknowledged batch is there, and no batch is there by half.
 */
class PostgresOutageTest {
    private static final long HANG_GUARD_SECONDS = 120;
    private static final StorageNamespace NS = StorageNamespace.of("outage");

    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema("outage");

    private static PostgresTestCluster postgres() {
        return POSTGRES.cluster();
    }

    @Test
    void typedErrorsWhileDownRecoveryAfterAndNothingLostOrHalfWritten() throws Exception {
        SecretBytes key = SecretBytes.takeOwnership(new SecureRandom().generateSeed(32));
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<Throwable> untyped = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger afterRestart = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        try (PostgresSecureStorage storage = PostgresSecureStorage.builder(postgres().pool(6))
                .schema(postgres().schema())
                .keySource(StorageKeySources.rawKey(key)).randomSource(RandomSource.of(new SecureRandom())).open()) {
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Thread writer = new Thread(() -> {
                    while (!stop.get()) {
                        int i = next.getAndIncrement();
                        try {
                            storage.putAll(NS, Map.of("a" + i, value(i), "b" + i, value(i)));
                            acknowledged.add(i);
                            if (restarted.get()) {
                                afterRestart.incrementAndGet();
                            }
                        } catch (StorageException e) {
                            failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        } catch (RuntimeException e) {
                            synchronized (untyped) {
                                untyped.add(e);
                            }
                        }
                    }
                }, "outage-writer-" + w);
                writer.start();
                writers.add(writer);
            }
            try {
                await(() -> acknowledged.size() >= 50, "writes before the stop");
                PostgresTestCluster.stopServer();
                await(() -> failures.values().stream().mapToInt(Integer::intValue).sum() >= 5, "failures while down");
                assertThatThrownBy(() -> storage.get(NS, "a0")).isInstanceOf(StorageUnavailableException.class);
                assertThatThrownBy(() -> storage.version(NS)).isInstanceOf(StorageUnavailableException.class);
                assertThatThrownBy(() -> storage.names(NS)).isInstanceOf(StorageUnavailableException.class);
                PostgresTestCluster.startServer();
                restarted.set(true);
                await(() -> afterRestart.get() >= 50, "writes after the restart");
            } finally {
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
                }
                if (!restarted.get()) {
                    PostgresTestCluster.startServer();
                }
            }

            int attempted = next.get();
            int present = 0;
            int inDoubt = 0;
            List<Integer> halves = new ArrayList<>();
            List<Integer> lost = new ArrayList<>();
            for (int i = 0; i < attempted; i++) {
                Optional<SecretBytes> a = storage.get(NS, "a" + i);
                Optional<SecretBytes> b = storage.get(NS, "b" + i);
                if (a.isPresent() != b.isPresent()) {
                    halves.add(i);
                }
                if (a.isPresent()) {
                    present++;
                    assertThat(text(a.get())).isEqualTo(text(value(i)));
                    assertThat(text(b.orElseThrow())).isEqualTo(text(value(i)));
                    if (!acknowledged.contains(i)) {
                        inDoubt++;
                    }
                } else if (acknowledged.contains(i)) {
                    lost.add(i);
                }
            }
            System.out.println("[postgres] outage under load: " + attempted + " batches tried, " + acknowledged.size()
                    + " acknowledged, failures " + failures + ", " + afterRestart.get() + " after the restart, "
                    + present + " present (" + inDoubt + " committed but unacknowledged), " + lost.size() + " lost, "
                    + halves.size() + " half-written");
            assertThat(untyped).as("every failure was typed").isEmpty();
            assertThat(failures.keySet()).containsOnly("StorageUnavailableException");
            assertThat(lost).as("acknowledged batches lost").isEmpty();
            assertThat(halves).as("batches present by half").isEmpty();
            assertThat(storage.names(NS)).hasSize(2 * present);
            assertThat(storage.version(NS)).as("one version step per committed batch").isEqualTo(present);
        }
    }

    private static SecretBytes value(int i) {
        return SecretBytes.copyOf(("batch-" + i).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(SecretBytes value) {
        return new String(value.copyBytes(InsecureSecretAccess.get()), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("hang guard: never reached " + what);
            }
            Thread.sleep(10);
        }
    }
}
