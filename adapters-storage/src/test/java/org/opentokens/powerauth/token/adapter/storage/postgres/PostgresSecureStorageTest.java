package org.opentokens.powerauth.token.adapter.storage.postgres;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.PostgresTestSchema;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SharedSecureStorageContract;
import org.opentokens.powerauth.token.port.out.StoragePeer;

/**
 * The whole contract on real PostgreSQL, fresh tables per test; the second storage (on a pool of its own) and the
 * peer JVMs open the same tables, standing in for other replicas.
 */
class PostgresSecureStorageTest extends SharedSecureStorageContract {
    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema("t_contract");
    private static final PostgresTestDatabase database = new PostgresTestDatabase(POSTGRES);

    private final SecretBytes key = TestStorageKeys.randomKey();
    private String prefix;

    @Override
    protected SecureStorage createStorage() {
        prefix = database.newPrefix();
        return database.builder(prefix, StorageKeySources.rawKey(key)).open();
    }

    @Override
    protected SecureStorage openSecondStorage() {
        return database.builder(prefix, StorageKeySources.rawKey(key)).open();
    }

    @Override
    protected StoragePeer launchPeer() throws IOException {
        return StoragePeer.start(PostgresStoragePeer.class, Map.of(),
                List.of(HexFormat.of().formatHex(key.copyBytes(InsecureSecretAccess.get()))), database.schema(), prefix);
    }

    @Override
    protected void cleanUp(SecureStorage storage) {
        if (storage != null) { // null when the cluster is missing and the test was skipped
            ((PostgresSecureStorage) storage).close();
        }
    }
}
