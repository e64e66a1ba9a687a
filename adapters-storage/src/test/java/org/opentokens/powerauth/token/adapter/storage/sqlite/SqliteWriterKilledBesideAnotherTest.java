package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.CrashCheck;
import org.opentokens.powerauth.token.adapter.storage.CrashPoint;
import org.opentokens.powerauth.token.adapter.storage.CrashTally;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.adapter.storage.ValueStamp;
import org.opentokens.powerauth.token.adapter.storage.WorkloadWriter;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Two writer processes share one SQLite file, each on its own namespace, and the test SIGKILLs them in turn
 * (possibly while the victim holds the write lock or is mid-checkpoint). The survivor must keep committing
 * afterwards, the victim's namespace must read (from a third connection, while the survivor writes) as before or
 * after its call in flight, and a restarted victim must carry on. At the end both are killed and both namespaces
 * are checked after a fresh open.
 */
@Tag("reliability")
class SqliteWriterKilledBesideAnotherTest {
    /** Calls the survivor must commit after each kill: proof that it was not left blocked or failing. */
    private static final int SURVIVOR_CALLS = 10;

    @TempDir
    Path directory;

    @Test
    void theSurvivingWriterKeepsCommittingAndTheKilledOnesNamespaceIsWhole() throws Exception {
        int rounds = Reliability.pick(6, 30);
        Path file = directory.resolve("two-writers.db");
        SecretBytes key = TestStorageKeys.randomKey();
        String keyHex = HexFormat.of().formatHex(key.copyBytes(InsecureSecretAccess.get()));
        StorageKeySource keys = StorageKeySources.rawKey(key);
        Random random = new Random(7);
        List<StorageNamespace> namespaces = List.of(StorageNamespace.of("writer-a"), StorageNamespace.of("writer-b"));
        List<Map<String, ValueStamp>> states = new ArrayList<>(List.of(Map.of(), Map.of()));
        List<WorkloadWriter> writers = new ArrayList<>();
        CrashTally tally = new CrashTally();
        long survivorCalls = 0;
        long seq = 0;

        try (SqliteSecureStorage observer = SqliteTestFiles.open(file, keys)) {
            for (int i = 0; i < 2; i++) {
                writers.add(SqliteWorkloadWriters.start(file, keyHex, namespaces.get(i), random.nextLong(),
                        ++seq * 1_000_000L, states.get(i)));
            }
            for (int round = 0; round < rounds; round++) {
                int victim = round % 2;
                WorkloadWriter killed = writers.get(victim);
                WorkloadWriter survivor = writers.get(1 - victim);
                killed.awaitAcked(killed.acked() + 1 + random.nextInt(6));
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(15_000)));
                CrashPoint point = killed.killAndSettle();
                killed.close();

                int survivorBefore = survivor.acked();
                CrashCheck.Verdict verdict = CrashCheck.check(observer, namespaces.get(victim), point);
                tally.add(point, verdict);
                states.set(victim, verdict.actual());
                survivor.awaitAcked(survivorBefore + SURVIVOR_CALLS);
                survivorCalls += survivor.acked() - survivorBefore;

                writers.set(victim, SqliteWorkloadWriters.start(file, keyHex, namespaces.get(victim),
                        random.nextLong(), ++seq * 1_000_000L, states.get(victim)));
            }
            List<CrashPoint> last = new ArrayList<>();
            for (WorkloadWriter writer : writers) {
                last.add(writer.killAndSettle());
                writer.close();
            }
            try (SqliteSecureStorage reopened = SqliteTestFiles.open(file, keys)) {
                for (int i = 0; i < 2; i++) {
                    tally.add(last.get(i), CrashCheck.check(reopened, namespaces.get(i), last.get(i)));
                }
            }
        } finally {
            for (WorkloadWriter writer : writers) {
                writer.close();
            }
        }

        tally.assertExercised(rounds + 2);
        assertThat(survivorCalls).as("calls the survivors committed after a kill").isGreaterThanOrEqualTo(
                (long) rounds * SURVIVOR_CALLS);
        Reliability.record("crash: SQLite, one of two writer processes SIGKILLed",
                tally.figure() + "; survivors committed " + survivorCalls + " calls after the kills, 0 failed");
    }
}
