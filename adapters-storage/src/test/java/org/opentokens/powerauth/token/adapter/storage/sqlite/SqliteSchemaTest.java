package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.StorageCorruptException;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

class SqliteSchemaTest {
    private static final StorageNamespace NS = StorageNamespace.of("instance");

    @TempDir
    Path directory;

    private final StorageKeySource keys = TestStorageKeys.randomRawKeySource();

    @Test
    void migrationsRunForwardOnceAndKeepTheData() throws Exception {
        Path file = directory.resolve("tokens.db");
        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            storage.put(NS, "token", patterned(100, 1));
        }
        List<List<String>> steps = List.of(List.of("CREATE TABLE audit (id INTEGER PRIMARY KEY, at INTEGER)"));

        for (int open = 0; open < 2; open++) {
            try (SqliteSecureStorage storage = SqliteSecureStorage.builder(file).keySource(keys)
                    .randomSource(TestStorageKeys.random()).schema(2, steps).open()) {
                assertHolds(storage.get(NS, "token"), patterned(100, 1));
            }
        }

        assertThat(query(file, "PRAGMA user_version")).isEqualTo("2");
        assertThat(query(file, "SELECT count(*) FROM sqlite_master WHERE name = 'audit'")).isEqualTo("1");
        assertThatThrownBy(() -> SqliteTestFiles.open(file, keys))
                .as("an older library refuses the migrated file").isInstanceOf(StorageCorruptException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void reopeningKeepsEveryNamespaceAndEntry() {
        Path file = directory.resolve("tokens.db");
        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            storage.put(NS, "a", patterned(10, 1));
            storage.put(StorageNamespace.of("other"), "a", patterned(10, 2));
        }

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            assertHolds(storage.get(NS, "a"), patterned(10, 1));
            assertHolds(storage.get(StorageNamespace.of("other"), "a"), patterned(10, 2));
            assertThat(storage.names(NS)).containsExactly("a");
        }
    }

    @Test
    void toStringNamesOnlyTheFile() {
        try (SqliteSecureStorage storage = SqliteTestFiles.open(directory.resolve("tokens.db"), keys)) {
            assertThat(storage).hasToString("SqliteSecureStorage[tokens.db]");
        }
    }

    private static String query(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
