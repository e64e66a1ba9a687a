package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
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
        List<List<String>> steps = new ArrayList<>(SqliteSchema.MIGRATIONS);
        steps.add(List.of("CREATE TABLE audit (id INTEGER PRIMARY KEY, at INTEGER)"));

        for (int open = 0; open < 2; open++) {
            try (SqliteSecureStorage storage = SqliteSecureStorage.builder(file).keySource(keys)
                    .randomSource(TestStorageKeys.random()).schema(SqliteSchema.CURRENT_VERSION + 1, steps).open()) {
                assertHolds(storage.get(NS, "token"), patterned(100, 1));
            }
        }

        assertThat(query(file, "PRAGMA user_version")).isEqualTo(String.valueOf(SqliteSchema.CURRENT_VERSION + 1));
        assertThat(query(file, "SELECT count(*) FROM sqlite_master WHERE name = 'audit'")).isEqualTo("1");
        assertThatThrownBy(() -> SqliteTestFiles.open(file, keys))
                .as("an older library refuses the migrated file").isInstanceOf(StorageCorruptException.class)
                .hasMessageContaining("newer");
    }

    /**
     * {@code store-v1.db} was written by this library at schema version 1 (commit 989a886, before versions
     * existed) with the raw key {@code a0 a1 .. bf}: namespace {@code instance-1} holds {@code token-a} =
     * {@code patterned(100, 1)} and {@code token-b} = {@code patterned(200, 2)}, namespace {@code other} holds
     * {@code x} = "kept".
     */
    @Test
    void aStoreWrittenAtSchemaVersionOneOpensMigratesAndCountsVersionsFromThere() throws Exception {
        Path file = directory.resolve("tokens.db");
        try (InputStream fixture = SqliteSchemaTest.class.getResourceAsStream("/sqlite/store-v1.db")) {
            Files.copy(fixture, file);
        }
        StorageNamespace instance = StorageNamespace.of("instance-1");
        StorageNamespace other = StorageNamespace.of("other");
        assertThat(query(file, "PRAGMA user_version")).isEqualTo("1");

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, StorageKeySources.rawKey(versionOneKey()))) {
            assertHolds(storage.get(instance, "token-a"), patterned(100, 1));
            assertHolds(storage.get(instance, "token-b"), patterned(200, 2));
            assertHolds(storage.get(other, "x"), ofText("kept"));
            long instanceBefore = storage.version(instance);
            long otherBefore = storage.version(other);
            storage.put(instance, "token-c", patterned(10, 3));
            assertThat(storage.version(instance)).isGreaterThan(instanceBefore);
            assertThat(storage.version(other)).isEqualTo(otherBefore);
        }

        assertThat(query(file, "PRAGMA user_version")).isEqualTo(String.valueOf(SqliteSchema.CURRENT_VERSION));
        Path created = directory.resolve("created.db");
        SqliteTestFiles.open(created, keys).close();
        assertThat(schema(file)).as("schema of the migrated store").isEqualTo(schema(created));
    }

    private static SecretBytes versionOneKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (0xa0 + i);
        }
        return SecretBytes.takeOwnership(key);
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

    private static List<String> schema(Path file) throws Exception {
        List<String> statements = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY name")) {
            while (rs.next()) {
                statements.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
            }
        }
        return statements;
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
