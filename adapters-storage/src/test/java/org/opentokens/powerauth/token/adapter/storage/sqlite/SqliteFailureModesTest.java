package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteTestFiles.NAMESPACE;
import static org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteTestFiles.PAGE;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.out.SecureStorageFailureContract;
import org.opentokens.powerauth.token.port.out.StorageFailureScenario;

class SqliteFailureModesTest implements SecureStorageFailureContract {
    private static final int FAST_ITERATIONS = StorageKeySources.MIN_PBKDF2_ITERATIONS;

    @TempDir
    Path directory;

    private final StorageKeySource keys = TestStorageKeys.randomRawKeySource();

    @Override
    public List<StorageFailureScenario> failureScenarios() {
        List<StorageFailureScenario> scenarios = new ArrayList<>();
        scenarios.add(corrupt("garbage over the header", file -> SqliteTestFiles.overwrite(file, 0, garbage(100))));
        scenarios.add(corrupt("truncated to half", file -> SqliteTestFiles.truncate(file, Files.size(file) / 2)));
        scenarios.add(corrupt("truncated to zero bytes", file -> SqliteTestFiles.truncate(file, 0)));
        scenarios.add(corrupt("a damaged page in the middle",
                file -> SqliteTestFiles.overwrite(file, PAGE * (Files.size(file) / PAGE / 2), garbage(PAGE))));
        scenarios.add(corrupt("a damaged second page", file -> SqliteTestFiles.overwrite(file, PAGE, garbage(PAGE))));
        scenarios.add(corrupt("a schema version from the future", file -> SqliteTestFiles.sql(file, "PRAGMA user_version = 99")));
        scenarios.add(corrupt("its key metadata removed", file -> SqliteTestFiles.sql(file, "DELETE FROM meta")));
        scenarios.add(new StorageFailureScenario("a foreign SQLite database", StorageCorruptException.class, () -> {
            Path foreign = directory.resolve("foreign.db");
            SqliteTestFiles.sql(foreign, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                    "INSERT INTO notes (body) VALUES ('hello')");
            return SqliteTestFiles.open(foreign, keys);
        }));
        scenarios.add(new StorageFailureScenario("a text file", StorageCorruptException.class, () -> {
            Path text = Files.writeString(directory.resolve("notes.txt"), "not a database at all\n".repeat(500));
            return SqliteTestFiles.open(text, keys);
        }));
        scenarios.add(new StorageFailureScenario("a wrong raw key", StorageLockedException.class, () ->
                SqliteTestFiles.open(SqliteTestFiles.populated(directory.resolve("raw.db"), keys),
                        TestStorageKeys.randomRawKeySource())));
        scenarios.add(new StorageFailureScenario("a wrong passphrase", StorageLockedException.class, () -> {
            Path file = SqliteTestFiles.populated(directory.resolve("pass.db"), passphrase("correct horse"));
            return SqliteTestFiles.open(file, passphrase("battery staple"));
        }));
        scenarios.add(new StorageFailureScenario("a different key method", StorageLockedException.class, () ->
                SqliteTestFiles.open(SqliteTestFiles.populated(directory.resolve("method.db"), keys),
                        passphrase("anything"))));
        scenarios.add(new StorageFailureScenario("a missing directory", StorageUnavailableException.class, () ->
                SqliteTestFiles.open(directory.resolve("no-such-dir").resolve("tokens.db"), keys)));
        scenarios.add(new StorageFailureScenario("a directory in place of the file", StorageUnavailableException.class,
                () -> SqliteTestFiles.open(Files.createDirectory(directory.resolve("dir.db")), keys)));
        scenarios.add(new StorageFailureScenario("a closed storage", StorageUnavailableException.class, () -> {
            SqliteSecureStorage storage = SqliteTestFiles.open(directory.resolve("closed.db"), keys);
            storage.close();
            return storage;
        }));
        return scenarios;
    }

    @ParameterizedTest
    @ValueSource(strings = {"header", "half", "zero", "page", "version"})
    void aCorruptFileIsNeverReplacedOrRepaired(String damage) throws Exception {
        Path file = SqliteTestFiles.populated(directory.resolve("tokens.db"), keys);
        switch (damage) {
            case "header" -> SqliteTestFiles.overwrite(file, 0, garbage(100));
            case "half" -> SqliteTestFiles.truncate(file, Files.size(file) / 2);
            case "zero" -> SqliteTestFiles.truncate(file, 0);
            case "page" -> SqliteTestFiles.overwrite(file, PAGE * (Files.size(file) / PAGE / 2), garbage(PAGE));
            default -> SqliteTestFiles.sql(file, "PRAGMA user_version = 99");
        }
        String before = SqliteTestFiles.sha256(file);
        long sizeBefore = Files.size(file);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> SqliteTestFiles.open(file, keys)).isInstanceOf(StorageCorruptException.class);
        }

        assertThat(Files.size(file)).isEqualTo(sizeBefore);
        assertThat(SqliteTestFiles.sha256(file)).isEqualTo(before);
    }

    @Test
    void aWrongKeyLeavesTheDataIntactForTheRightKey() {
        Path file = SqliteTestFiles.populated(directory.resolve("tokens.db"), keys);

        assertThatThrownBy(() -> SqliteTestFiles.open(file, TestStorageKeys.randomRawKeySource()))
                .isInstanceOf(StorageLockedException.class)
                .hasMessageContaining("does not open");

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            assertThat(storage.names(NAMESPACE)).hasSize(SqliteTestFiles.ENTRIES);
            assertHolds(storage.get(NAMESPACE, "token-7"), patterned(500, 7));
        }
    }

    @Test
    void aPassphraseStoreReopensWithTheSamePassphrase() {
        Path file = directory.resolve("tokens.db");
        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, passphrase("correct horse"))) {
            storage.put(NAMESPACE, "token", patterned(64, 1));
        }

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, passphrase("correct horse"))) {
            assertHolds(storage.get(NAMESPACE, "token"), patterned(64, 1));
        }
    }

    @Test
    void aSealedValueMovedToAnotherRowFailsAuthentication() throws Exception {
        Path file = directory.resolve("tokens.db");
        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            storage.put(NAMESPACE, "a", patterned(64, 1));
            storage.put(NAMESPACE, "b", patterned(64, 2));
        }
        SqliteTestFiles.sql(file, "UPDATE entry SET sealed_value = (SELECT sealed_value FROM entry WHERE id = 2)"
                + " WHERE id = 1");

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            Throwable first = org.assertj.core.api.Assertions.catchThrowable(() -> storage.get(NAMESPACE, "a"));
            Throwable second = org.assertj.core.api.Assertions.catchThrowable(() -> storage.get(NAMESPACE, "b"));
            assertThat(first == null ? second : first).isInstanceOf(StorageCorruptException.class)
                    .hasMessageContaining("authentication");
        }
    }

    @Test
    void aSealedNameMovedToAnotherNamespaceFailsAuthentication() throws Exception {
        Path file = directory.resolve("tokens.db");
        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            storage.put(NAMESPACE, "a", patterned(64, 1));
            storage.put(org.opentokens.powerauth.token.port.out.StorageNamespace.of("other"), "b", patterned(64, 2));
        }
        SqliteTestFiles.sql(file, "UPDATE entry SET ns = (SELECT ns FROM entry WHERE id = 1) WHERE id = 2");

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            assertThatThrownBy(() -> storage.names(NAMESPACE)).isInstanceOf(StorageCorruptException.class);
        }
    }

    private StorageFailureScenario corrupt(String name, FileDamage damage) {
        return new StorageFailureScenario(name, StorageCorruptException.class, () -> {
            Path file = SqliteTestFiles.populated(directory.resolve(name.replace(' ', '-') + ".db"), keys);
            damage.apply(file);
            return SqliteTestFiles.open(file, keys);
        });
    }

    private static StorageKeySource passphrase(String text) {
        return StorageKeySources.passphrase(text.toCharArray(), TestStorageKeys.random(), FAST_ITERATIONS);
    }

    private static byte[] garbage(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    @FunctionalInterface
    private interface FileDamage {
        void apply(Path file) throws Exception;
    }
}
