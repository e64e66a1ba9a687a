package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.runConcurrently;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.filled;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * {@link SecureStorageContract}, part 4: atomicity and isolation under concurrent use. Latches and bounded
 * iteration counts only; no sleeps and no timing assertions.
 */
public interface SecureStorageConcurrencyContract extends SecureStorageFixture {
    /** Writer threads in the multi-writer tests. */
    int THREADS = 8;

    @Test
    default void concurrentReadersNeverSeeATornOverwrite() throws Exception {
        // Version v is (base + v / 2) bytes all equal to v + 1. Consecutive versions 2k and 2k+1 share a length,
        // so an in-place overwrite is exercised; the length narrows a read down to two candidates, and a
        // mix of two versions matches neither.
        StorageNamespace ns = namespace("A");
        int base = 32 * 1024;
        int versions = 8;
        int writes = 400;
        List<SecretBytes> expected = new ArrayList<>();
        for (int v = 0; v < versions; v++) {
            expected.add(version(base, v));
        }
        storage().put(ns, "token", version(base, 0));
        AtomicBoolean writerDone = new AtomicBoolean();

        Callable<Void> writer = () -> {
            try {
                for (int i = 1; i <= writes; i++) {
                    storage().put(ns, "token", version(base, i % versions));
                }
            } finally {
                writerDone.set(true);
            }
            return null;
        };
        Callable<Void> reader = () -> {
            int reads = 0;
            while (!writerDone.get() || reads < 10) {
                SecretBytes read = storage().get(ns, "token").orElseThrow(() -> new AssertionError("entry vanished"));
                int pair = read.length() - base;
                assertThat(pair).as("length of a read value").isBetween(0, versions / 2 - 1);
                boolean whole = read.sameBytesAs(expected.get(2 * pair)) || read.sameBytesAs(expected.get(2 * pair + 1));
                assertThat(whole).as("value read is one whole version").isTrue();
                read.destroy();
                reads++;
            }
            return null;
        };
        List<Callable<Void>> tasks = new ArrayList<>();
        tasks.add(writer);
        for (int r = 0; r < 3; r++) {
            tasks.add(reader);
        }

        runConcurrently(tasks);

        assertHolds(storage().get(ns, "token"), expected.get(writes % versions));
    }

    private static SecretBytes version(int base, int version) {
        return filled(base + version / 2, version + 1);
    }

    @Test
    default void eightWritersOnDistinctNamesLoseNothing() throws Exception {
        StorageNamespace ns = namespace("A");
        int perThread = 40;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    String name = "t" + thread + "/token-" + i;
                    storage().put(ns, name, patterned(100, thread * 1000 + i));
                    if (i % 4 == 3) {
                        // rewrite an earlier entry, so overwrites race with other threads' inserts
                        storage().put(ns, "t" + thread + "/token-" + (i - 3), patterned(100, thread * 1000 + i - 3));
                    }
                }
                return null;
            });
        }

        runConcurrently(tasks);

        assertThat(storage().names(ns)).hasSize(THREADS * perThread);
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < perThread; i++) {
                assertHolds(storage().get(ns, "t" + t + "/token-" + i), patterned(100, t * 1000 + i));
            }
        }
    }

    @Test
    default void eightWritersOnOverlappingNamesLeaveOneThreadsLastWrite() throws Exception {
        // Each thread's writes to one name are ordered, so the survivor must be some thread's last write.
        StorageNamespace ns = namespace("A");
        int shared = 6;
        int rounds = 30;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int round = 0; round < rounds; round++) {
                    for (int n = 0; n < shared; n++) {
                        storage().put(ns, "shared-" + n, sharedValue(thread, round, n));
                    }
                    storage().put(ns, "own-" + thread, patterned(50, thread));
                }
                return null;
            });
        }

        runConcurrently(tasks);

        Set<String> expectedNames = new LinkedHashSet<>();
        for (int n = 0; n < shared; n++) {
            expectedNames.add("shared-" + n);
            SecretBytes survivor = storage().get(ns, "shared-" + n).orElseThrow();
            boolean isSomeThreadsLastWrite = false;
            for (int t = 0; t < THREADS; t++) {
                isSomeThreadsLastWrite |= survivor.sameBytesAs(sharedValue(t, rounds - 1, n));
            }
            assertThat(isSomeThreadsLastWrite).as("shared-%d holds a thread's last write", n).isTrue();
        }
        for (int t = 0; t < THREADS; t++) {
            expectedNames.add("own-" + t);
            assertHolds(storage().get(ns, "own-" + t), patterned(50, t));
        }
        assertThat(storage().names(ns)).containsExactlyInAnyOrderElementsOf(expectedNames);
    }

    @Test
    default void batchesAreAllOrNothingForConcurrentReaders() throws Exception {
        StorageNamespace ns = namespace("A");
        List<String> batchNames = List.of("token/1", "token/2", "token/3", "token/4", "token/5");
        Map<String, SecretBytes> batch = new LinkedHashMap<>();
        for (int i = 0; i < batchNames.size(); i++) {
            batch.put(batchNames.get(i), patterned(200, i));
        }
        storage().put(ns, "activation", ofText("act"));
        int cycles = 150;
        AtomicBoolean writerDone = new AtomicBoolean();

        Callable<Void> writer = () -> {
            try {
                for (int i = 0; i < cycles; i++) {
                    storage().putAll(ns, batch);
                    assertThat(storage().deleteAll(ns, batchNames)).isEqualTo(batchNames.size());
                }
            } finally {
                writerDone.set(true);
            }
            return null;
        };
        Callable<Void> reader = () -> {
            int reads = 0;
            while (!writerDone.get() || reads < 10) {
                Set<String> names = storage().names(ns);
                assertThat(names).contains("activation");
                assertThat(names.size()).as("entries visible mid-batch").isIn(1, 1 + batchNames.size());
                reads++;
            }
            return null;
        };

        runConcurrently(List.of(writer, reader, reader));

        assertThat(storage().names(ns)).containsExactly("activation");
    }

    @Test
    default void wipingOneNamespaceNeverTouchesAnotherUnderConcurrency() throws Exception {
        StorageNamespace wiped = namespace("wiped");
        StorageNamespace kept = namespace("kept");
        int perThread = 30;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS / 2; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    storage().put(kept, "t" + thread + "-" + i, patterned(30, thread * 100 + i));
                    storage().put(wiped, "t" + thread + "-" + i, ofText("doomed"));
                }
                return null;
            });
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    storage().deleteAll(wiped);
                }
                return null;
            });
        }

        runConcurrently(tasks);

        assertThat(storage().names(kept)).hasSize(THREADS / 2 * perThread);
        for (int t = 0; t < THREADS / 2; t++) {
            for (int i = 0; i < perThread; i++) {
                assertHolds(storage().get(kept, "t" + t + "-" + i), patterned(30, t * 100 + i));
            }
        }
        storage().deleteAll(wiped);
        assertThat(storage().names(wiped)).isEmpty();
    }

    private static SecretBytes sharedValue(int thread, int round, int name) {
        return patterned(64, thread * 10_000 + round * 10 + name);
    }
}
