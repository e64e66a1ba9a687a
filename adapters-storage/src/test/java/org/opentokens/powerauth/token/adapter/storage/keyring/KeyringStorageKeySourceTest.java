package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.StorageKey;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** The keychain as the key holder of another store: against a fake keychain, and against the real one. */
class KeyringStorageKeySourceTest {
    @TempDir
    Path directory;

    @Test
    void eachNewKeyGetsItsOwnItemAndIsRecoveredFromIt() {
        FakeKeyringBackend keychain = new FakeKeyringBackend(Integer.MAX_VALUE);
        KeyringStorageKeySource source = new KeyringStorageKeySource(keychain, "svc", TestStorageKeys.random());

        StorageKey first = source.createKey();
        StorageKey second = source.createKey();

        assertThat(keychain.items()).hasSize(2);
        assertThat(source.recoverKey(first.parameters()).sameBytesAs(first.key())).isTrue();
        assertThat(source.recoverKey(second.parameters()).sameBytesAs(second.key())).isTrue();
        assertThat(first.key().sameBytesAs(second.key())).isFalse();
        assertThat(new String(first.parameters(), StandardCharsets.US_ASCII)).startsWith("key:");
    }

    @Test
    void aKeyTheKeychainLostIsLockedAndDamagedParametersAreCorrupt() {
        FakeKeyringBackend keychain = new FakeKeyringBackend(Integer.MAX_VALUE);
        KeyringStorageKeySource source = new KeyringStorageKeySource(keychain, "svc", TestStorageKeys.random());
        StorageKey key = source.createKey();

        source.discardKey(key.parameters());

        assertThat(keychain.items()).isEmpty();
        assertThatThrownBy(() -> source.recoverKey(key.parameters())).isInstanceOf(StorageLockedException.class);
        assertThatThrownBy(() -> source.recoverKey("key:../../etc".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(StorageCorruptException.class);
    }

    @Test
    void anSqliteStoreKeyedByTheRealKeychainReopensAndFailsLockedOnceTheKeyIsGone() {
        SecretServiceEnvironment.requireSessionBus();
        KeyringStorageKeySource source = KeyringStorageKeySource.open(KeyringSecureStorageTest.SERVICE,
                KeyringPlatform.LINUX_SECRET_SERVICE, TestStorageKeys.random());
        Path file = directory.resolve("tokens.db");
        StorageNamespace ns = StorageNamespace.of("instance");
        byte[] parameters;
        try (var storage = org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage.builder(file)
                .keySource(source).randomSource(TestStorageKeys.random()).open()) {
            storage.put(ns, "token", patterned(100, 1));
        }
        try (var storage = org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage.builder(file)
                .keySource(source).randomSource(TestStorageKeys.random()).open()) {
            assertHolds(storage.get(ns, "token"), patterned(100, 1));
        }
        parameters = KeyParameters.of(file);

        source.discardKey(parameters);

        assertThatThrownBy(() -> org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage.builder(file)
                .keySource(source).randomSource(TestStorageKeys.random()).open())
                .isInstanceOf(StorageLockedException.class).hasMessageContaining("no key");
    }

    /** Reads the key parameters (the keychain item id) straight from the database file. */
    private static final class KeyParameters {
        private KeyParameters() {
        }

        static byte[] of(Path file) {
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                    java.sql.ResultSet rs = connection.createStatement()
                            .executeQuery("SELECT value FROM meta WHERE name = 'key.parameters'")) {
                rs.next();
                return rs.getBytes(1);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
    }
}
