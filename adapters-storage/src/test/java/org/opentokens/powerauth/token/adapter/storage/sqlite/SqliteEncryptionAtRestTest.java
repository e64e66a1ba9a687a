package org.opentokens.powerauth.token.adapter.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

class SqliteEncryptionAtRestTest {
    private static final String NAMESPACE_ID = "namespace-plaintext-marker-6b1e";
    private static final String NAME = "name-plaintext-marker-93ac";
    private static final String TEXT_VALUE = "value-plaintext-marker-0f4d";
    private static final String PASSPHRASE = "passphrase-plaintext-marker-5e27";

    @TempDir
    Path directory;

    @Test
    void noValueNameNamespaceOrKeyAppearsInTheDatabaseWalOrJournal() throws Exception {
        Path file = directory.resolve("tokens.db");
        SecretBytes key = TestStorageKeys.randomKey();
        byte[] rawKey = key.copyBytes(InsecureSecretAccess.get());
        byte[] binaryValue = TestStorageKeys.random().nextBytes(4096);
        StorageNamespace ns = StorageNamespace.of(NAMESPACE_ID);
        List<byte[]> needles = List.of(utf8(NAMESPACE_ID), utf8(NAME), utf8(TEXT_VALUE), rawKey,
                Arrays.copyOfRange(binaryValue, 1000, 1016), Arrays.copyOfRange(binaryValue, 4000, 4016));

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, StorageKeySources.rawKey(key))) {
            storage.put(ns, NAME, SecretBytes.copyOf(utf8(TEXT_VALUE.repeat(20))));
            storage.putAll(ns, Map.of("binary", SecretBytes.copyOf(binaryValue), NAME + "-2", SecretBytes.copyOf(utf8(TEXT_VALUE))));
            storage.put(ns, NAME, SecretBytes.copyOf(utf8(TEXT_VALUE + " overwritten")));
            storage.delete(ns, NAME + "-2");

            assertThat(Files.exists(wal(file))).as("the WAL holds the recent writes").isTrue();
            assertNoneContains(storeFiles(file), needles);
            assertHolds(storage.get(ns, "binary"), SecretBytes.copyOf(binaryValue));
        }

        assertThat(Files.exists(wal(file))).as("closing checkpoints the WAL").isFalse();
        assertNoneContains(storeFiles(file), needles);
        assertThat(Files.readAllBytes(file)).as("the store is not empty").hasSizeGreaterThan(4096);
    }

    @Test
    void noPassphraseOrDerivedKeyMaterialAppearsInTheFiles() throws Exception {
        Path file = directory.resolve("tokens.db");
        StorageKeySource keys = StorageKeySources.passphrase(PASSPHRASE.toCharArray(), TestStorageKeys.random(),
                StorageKeySources.MIN_PBKDF2_ITERATIONS);
        SecretBytes derived = keys.createKey().key();

        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, keys)) {
            storage.put(StorageNamespace.of(NAMESPACE_ID), NAME, SecretBytes.copyOf(utf8(TEXT_VALUE)));
            assertNoneContains(storeFiles(file), List.of(utf8(PASSPHRASE), utf8(NAME), utf8(TEXT_VALUE)));
        }
        assertNoneContains(storeFiles(file), List.of(utf8(PASSPHRASE), derived.copyBytes(InsecureSecretAccess.get())));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theDatabaseAndItsWalAndShmFilesAreReadableByTheOwnerOnly() throws Exception {
        Path file = directory.resolve("tokens.db");
        try (SqliteSecureStorage storage = SqliteTestFiles.open(file, TestStorageKeys.randomRawKeySource())) {
            storage.put(StorageNamespace.of("a"), "b", SecretBytes.copyOf(utf8("c")));

            for (Path path : List.of(file, wal(file), shm(file))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                        .isEqualTo("rw-------");
            }
        }
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary files are left")
                    .containsExactly("tokens.db");
        }
    }

    @Test
    void theConnectionSettingsAreInForce() throws Exception {
        Path file = directory.resolve("tokens.db");
        try (SqliteSecureStorage ignored = SqliteTestFiles.open(file, TestStorageKeys.randomRawKeySource())) {
            SqliteConnections connections = new SqliteConnections(file, java.time.Duration.ofMillis(4321));
            java.sql.Connection connection = connections.openConnection();
            try (java.sql.Statement statement = connection.createStatement()) {
                assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(statement, "busy_timeout")).isEqualTo("4321");
                assertThat(pragma(statement, "synchronous")).isEqualTo("1");
                assertThat(pragma(statement, "secure_delete")).isEqualTo("1");
                assertThat(pragma(statement, "application_id")).isEqualTo(String.valueOf(SqliteSchema.APPLICATION_ID));
                assertThat(pragma(statement, "user_version")).isEqualTo(String.valueOf(SqliteSchema.CURRENT_VERSION));
            } finally {
                connection.close();
                connections.close();
            }
        }
    }

    private static String pragma(java.sql.Statement statement, String name) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertNoneContains(List<Path> files, List<byte[]> needles) throws IOException {
        for (Path path : files) {
            byte[] haystack = Files.readAllBytes(path);
            for (int n = 0; n < needles.size(); n++) {
                assertThat(indexOf(haystack, needles.get(n))).as("needle %d in %s", n, path.getFileName()).isEqualTo(-1);
            }
        }
    }

    private static List<Path> storeFiles(Path file) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(file.getParent())) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).contains(file);
        return files;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    private static Path shm(Path file) {
        return file.resolveSibling(file.getFileName() + "-shm");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
