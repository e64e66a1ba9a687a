package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.file.Path;
import java.util.HexFormat;
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
 * Crash consistency of the SQLite store: a writer process runs a random mix of put, putAll, delete,
 * deleteAll(names) and deleteAll(namespace) with values up to 64 KiB and is SIGKILLed again and again. After
 * every kill a fresh open (which runs {@code quick_check}) must find the namespace exactly as after the last
 * acknowledged call or as after the call in flight: no half-written, phantom, lost or resurrected record.
 */
@Tag("reliability")
class SqliteCrashTest {
    private static final StorageNamespace NAMESPACE = StorageNamespace.of("crash");

    @TempDir
    Path directory;

    @Test
    void sigkillMidWriteLeavesTheNamespaceAsBeforeOrAfterTheCallInFlight() throws Exception {
        int kills = Reliability.pick(20, 200);
        Path file = directory.resolve("crash.db");
        SecretBytes key = TestStorageKeys.randomKey();
        String keyHex = HexFormat.of().formatHex(key.copyBytes(InsecureSecretAccess.get()));
        StorageKeySource keys = StorageKeySources.rawKey(key);
        Random random = new Random(20);
        Map<String, ValueStamp> state = Map.of();
        CrashTally tally = new CrashTally();

        for (int kill = 0; kill < kills; kill++) {
            CrashPoint point;
            try (WorkloadWriter writer = SqliteWorkloadWriters.start(file, keyHex, NAMESPACE, random.nextLong(),
                    (kill + 1) * 1_000_000L, state)) {
                writer.awaitAcked(1 + random.nextInt(8));
                // Spreads the kill over the next call; correctness never depends on it.
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(15_000)));
                point = writer.killAndSettle();
            }
            try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
                CrashCheck.Verdict verdict = CrashCheck.check(storage, NAMESPACE, point);
                tally.add(point, verdict);
                state = verdict.actual();
            }
        }

        tally.assertExercised(kills);
        Reliability.record("crash: SQLite writer SIGKILLed mid-write", tally.figure());
    }
}
