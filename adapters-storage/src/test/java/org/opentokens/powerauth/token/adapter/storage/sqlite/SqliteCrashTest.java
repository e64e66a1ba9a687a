package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteChildProcess.BATCH;
import static org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteChildProcess.NAMESPACE;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.ChildJvm;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteChildProcess.StampedValue;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

class SqliteCrashTest {
    private static final int KILLS = 20;
    private static final int[] BATCH_LENGTHS = {64 * 1024, 40 * 1024, 1000};

    @TempDir
    Path directory;

    @Test
    void sigkillMidWriteLeavesEveryRecordWholeOrAbsent() throws Exception {
        Path file = directory.resolve("crash.db");
        SecretBytes key = TestStorageKeys.randomKey();
        String keyHex = HexFormat.of().formatHex(key.copyBytes(InsecureSecretAccess.get()));
        StorageKeySource keys = StorageKeySources.rawKey(key);
        Random random = new Random(20);
        long lastSeen = 0;

        for (int kill = 0; kill < KILLS; kill++) {
            long committed;
            try (ChildJvm writer = ChildJvm.start(SqliteChildProcess.class, Map.of(), file.toString(), "crasher")) {
                writer.send(keyHex);
                assertThat(writer.readLine()).as(writer.describe()).isEqualTo("ready");
                int commits = 1 + random.nextInt(6);
                String line = "";
                for (int c = 0; c < commits; c++) {
                    line = writer.awaitLine("committed ");
                }
                writer.kill(); // the child is writing its next batch right now
                committed = Long.parseLong(line.substring("committed ".length()));
            }

            long stamp = verify(file, keys, committed);
            assertThat(stamp).as("kill %d: state moves forward", kill).isGreaterThanOrEqualTo(Math.max(committed, lastSeen));
            lastSeen = stamp;
        }
    }

    /** Opens the store after a kill and checks every record; returns the batch stamp found. */
    private static long verify(Path file, StorageKeySource keys, long committed) {
        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            long stamp = -1;
            for (int part = 0; part < BATCH.length; part++) {
                SecretBytes value = storage.get(NAMESPACE, BATCH[part]).orElseThrow(() -> new AssertionError("batch lost"));
                Optional<Long> found = StampedValue.check(value, part, BATCH_LENGTHS[part]);
                assertThat(found).as("%s is whole", BATCH[part]).isPresent();
                if (stamp < 0) {
                    stamp = found.get();
                }
                assertThat(found.get()).as("%s belongs to the same batch", BATCH[part]).isEqualTo(stamp);
            }
            assertThat(stamp).as("a reported commit is durable").isGreaterThanOrEqualTo(committed);
            Set<String> names = storage.names(NAMESPACE);
            for (String name : names) {
                if (name.startsWith("single-")) {
                    long n = Long.parseLong(name.substring("single-".length()));
                    assertThat(StampedValue.check(storage.get(NAMESPACE, name).orElseThrow(), 9, 5000))
                            .as(name + " is whole").contains(n);
                }
            }
            return stamp;
        }
    }
}
