package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteChildProcess.NAMESPACE;
import static org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteChildProcess.SHARED;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.ChildJvm;
import org.opentokens.powerauth.token.adapter.storage.StampedValue;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;

import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

class SqliteTwoProcessTest {
    private static final int PER_WRITER = 150;

    @TempDir
    Path directory;

    @Test
    void twoJvmsWritingOneFileConcurrentlyLoseNothingAndNeverInterleaveABatch() throws Exception {
        Path file = directory.resolve("shared.db");
        SecretBytes key = TestStorageKeys.randomKey();
        String keyHex = HexFormat.of().formatHex(key.copyBytes(InsecureSecretAccess.get()));

        try (ChildJvm first = ChildJvm.start(SqliteChildProcess.class, Map.of(), file.toString(), "writer", "1",
                        String.valueOf(PER_WRITER));
                ChildJvm second = ChildJvm.start(SqliteChildProcess.class, Map.of(), file.toString(), "writer", "2",
                        String.valueOf(PER_WRITER))) {
            // Both create the missing file at once: exactly one creation must win, and both must open it.
            for (ChildJvm child : List.of(first, second)) {
                child.send(keyHex);
            }
            for (ChildJvm child : List.of(first, second)) {
                assertThat(child.readLine()).as(child.describe()).isEqualTo("ready");
            }
            first.send("go");
            second.send("go");
            for (ChildJvm child : List.of(first, second)) {
                assertThat(child.readLine()).as(child.describe()).isEqualTo("done");
                assertThat(child.waitForExit()).as(child.describe()).isZero();
            }
        }

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, StorageKeySources.rawKey(key))) {
            Set<String> expected = new HashSet<>(List.of(SHARED));
            for (int id = 1; id <= 2; id++) {
                for (int i = 0; i < PER_WRITER; i++) {
                    String name = "w" + id + "-" + i;
                    expected.add(name);
                    SecretBytes value = storage.get(NAMESPACE, name).orElseThrow(() -> new AssertionError("lost " + name));
                    assertThat(StampedValue.check(value, 0, 300)).as(name).contains(id * 100_000L + i);
                }
            }
            assertThat(storage.names(NAMESPACE)).containsExactlyInAnyOrderElementsOf(expected);
            Set<Optional<Long>> sharedStamps = new HashSet<>();
            for (int part = 0; part < SHARED.length; part++) {
                sharedStamps.add(StampedValue.check(storage.get(NAMESPACE, SHARED[part]).orElseThrow(), part, 200));
            }
            assertThat(sharedStamps).as("the shared batch comes from one write").hasSize(1)
                    .allSatisfy(stamp -> assertThat(stamp).isPresent());
        }
    }
}
