package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.out.SectionProbe;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** What the contract does not cover of the SQLite sections: the lock file's place and the storage's lifecycle. */
class SqliteSectionsTest {
    private static final StorageNamespace NS = StorageNamespace.of("instance");

    @TempDir
    Path directory;

    private final StorageKeySource keys = TestStorageKeys.randomRawKeySource();

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLockFileSitsBesideTheRealDatabaseOwnerOnlyFromTheFirstSection() throws Exception {
        Path real = Files.createDirectories(directory.resolve("data")).resolve("tokens.db");
        SqliteTestFiles.open(real, keys).close();
        Path link = Files.createSymbolicLink(directory.resolve("link.db"), real);

        try (SqliteSecureStorage storage = SqliteTestFiles.open(link, keys)) {
            storage.put(NS, "token", ofText("t"));
            assertThat(real.resolveSibling("tokens.db.lock")).as("before any section").doesNotExist();

            storage.exclusive(NS, Duration.ZERO, () -> null);
        }

        assertThat(directory.resolve("link.db.lock")).doesNotExist();
        Path lock = real.resolveSibling("tokens.db.lock");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock))).isEqualTo("rw-------");
    }

    @Test
    void closingWaitsForASectionInProgressAndIsRefusedInsideOne() throws Exception {
        SqliteSecureStorage storage = SqliteTestFiles.open(directory.resolve("tokens.db"), keys);
        assertThatThrownBy(() -> storage.exclusive(NS, Duration.ZERO, () -> {
            storage.close();
            return null;
        })).isInstanceOf(IllegalStateException.class);

        AtomicReference<Throwable> closeFailure = new AtomicReference<>();
        Thread closer;
        try (SectionProbe.Holder holder = SectionProbe.Holder.enter(storage, NS)) {
            closer = new Thread(() -> {
                try {
                    storage.close();
                } catch (RuntimeException e) {
                    closeFailure.set(e);
                }
            });
            closer.start();
            SectionProbe.awaitWaiting(closer);
            assertThat(closer.isAlive()).as("close() returned while a section was in progress").isTrue();
        }
        closer.join(SectionProbe.LONG_WAIT.toMillis());

        assertThat(closer.isAlive()).isFalse();
        assertThat(closeFailure.get()).isNull();
        assertThatThrownBy(() -> storage.exclusive(NS, Duration.ZERO, () -> null))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> storage.version(NS)).isInstanceOf(StorageUnavailableException.class);
    }
}
