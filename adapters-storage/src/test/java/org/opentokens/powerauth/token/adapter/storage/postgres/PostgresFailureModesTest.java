package org.opentokens.powerauth.token.adapter.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.out.PostgresTestSchema;
import org.opentokens.powerauth.token.port.out.SecureStorageFailureContract;
import org.opentokens.powerauth.token.port.out.StorageFailureScenario;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Typed failures on real PostgreSQL: an unreachable server, a wrong key, a different key method, missing key
 * metadata, a closed storage; and rows altered by hand, which fail as corrupt without harming their neighbours.
 */
class PostgresFailureModesTest implements SecureStorageFailureContract {
    private static final StorageNamespace NS = StorageNamespace.of("instance-1");
    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema("t_failures");
    private static final PostgresTestDatabase database = new PostgresTestDatabase(POSTGRES);

    private final StorageKeySource keys = TestStorageKeys.randomRawKeySource();

    /** @return a closed store of a new prefix holding {@code token-0..9} */
    private String populated(StorageKeySource source) {
        String prefix = database.newPrefix();
        try (PostgresSecureStorage storage = database.builder(prefix, source).open()) {
            for (int i = 0; i < 10; i++) {
                storage.put(NS, "token-" + i, patterned(200, i));
            }
        }
        return prefix;
    }

    @Override
    public List<StorageFailureScenario> failureScenarios() {
        List<StorageFailureScenario> scenarios = new ArrayList<>();
        scenarios.add(new StorageFailureScenario("no server on the port", StorageUnavailableException.class, () -> {
            org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
            nowhere.setURL("jdbc:postgresql://127.0.0.1:9/none");
            nowhere.setConnectTimeout(2);
            return PostgresSecureStorage.builder(nowhere).keySource(keys).randomSource(TestStorageKeys.random()).open();
        }));
        scenarios.add(new StorageFailureScenario("a wrong raw key", StorageLockedException.class, () ->
                database.builder(populated(keys), TestStorageKeys.randomRawKeySource()).open()));
        scenarios.add(new StorageFailureScenario("a different key method", StorageLockedException.class, () ->
                database.builder(populated(keys), StorageKeySources.passphrase("anything".toCharArray(),
                        TestStorageKeys.random(), StorageKeySources.MIN_PBKDF2_ITERATIONS)).open()));
        scenarios.add(new StorageFailureScenario("its key metadata removed", StorageCorruptException.class, () -> {
            String prefix = populated(keys);
            database.sql("DELETE FROM " + database.schema() + "." + prefix + "meta WHERE name = 'key.check'");
            return database.builder(prefix, keys).open();
        }));
        scenarios.add(new StorageFailureScenario("its tables dropped after open", StorageUnavailableException.class, () -> {
            String prefix = populated(keys);
            PostgresSecureStorage storage = database.builder(prefix, keys).open();
            database.sql("DROP TABLE " + database.schema() + "." + prefix + "entry",
                    "DROP TABLE " + database.schema() + "." + prefix + "ns_version");
            return storage;
        }));
        scenarios.add(new StorageFailureScenario("a closed storage", StorageUnavailableException.class, () -> {
            PostgresSecureStorage storage = database.builder(database.newPrefix(), keys).open();
            storage.close();
            return storage;
        }));
        return scenarios;
    }

    @Test
    void aValueAlteredByHandFailsAsCorruptAndItsNeighboursStillOpen() {
        String prefix = populated(keys);
        String entry = database.schema() + "." + prefix + "entry";
        try (PostgresSecureStorage storage = database.builder(prefix, keys).open()) {
            String tag = database.query("SELECT encode(name, 'hex') FROM " + entry + " ORDER BY name LIMIT 1");
            database.sql("UPDATE " + entry + " SET sealed_value = set_byte(sealed_value, 30, get_byte(sealed_value, 30) # 1)"
                    + " WHERE name = decode('" + tag + "', 'hex')");
            long corrupt = java.util.stream.IntStream.range(0, 10).filter(i -> {
                try {
                    storage.get(NS, "token-" + i);
                    return false;
                } catch (StorageCorruptException e) {
                    return true;
                }
            }).count();

            assertThat(corrupt).as("exactly the altered row fails").isEqualTo(1);
        }
    }

    @Test
    void aValueMovedToAnotherRowOrANameAlteredFailsAsCorrupt() {
        String prefix = populated(keys);
        String entry = database.schema() + "." + prefix + "entry";
        try (PostgresSecureStorage storage = database.builder(prefix, keys).open()) {
            database.sql("UPDATE " + entry + " SET sealed_value = (SELECT sealed_value FROM " + entry
                    + " ORDER BY name DESC LIMIT 1)");
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10; i++) {
                    storage.get(NS, "token-" + i);
                }
            }).as("a value copied into other rows").isInstanceOf(StorageCorruptException.class);

            database.sql("UPDATE " + entry + " SET sealed_name = set_byte(sealed_name, 20, get_byte(sealed_name, 20) # 1)");
            assertThatThrownBy(() -> storage.names(NS)).as("altered names").isInstanceOf(StorageCorruptException.class);
        }
    }

    @Test
    void aWrongKeyLeavesTheDataIntactForTheRightKey() {
        String prefix = populated(keys);

        assertThatThrownBy(() -> database.builder(prefix, TestStorageKeys.randomRawKeySource()).open())
                .isInstanceOf(StorageLockedException.class).hasMessageContaining("does not open");

        try (PostgresSecureStorage storage = database.builder(prefix, keys).open()) {
            assertThat(storage.names(NS)).hasSize(10);
            assertHolds(storage.get(NS, "token-7"), patterned(200, 7));
        }
    }
}
