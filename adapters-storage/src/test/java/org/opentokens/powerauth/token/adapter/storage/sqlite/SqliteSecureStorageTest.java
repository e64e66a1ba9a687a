package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SharedSecureStorageContract;
import org.opentokens.powerauth.token.port.out.StoragePeer;

/** The whole contract on one file per test; second storages and peer JVMs open the same file. */
class SqliteSecureStorageTest extends SharedSecureStorageContract {
    @TempDir
    Path directory;

    private final SecretBytes key = TestStorageKeys.randomKey();

    private Path file() {
        return directory.resolve("tokens.db");
    }

    @Override
    protected SecureStorage createStorage() {
        return SqliteTestFiles.open(file(), StorageKeySources.rawKey(key));
    }

    @Override
    protected SecureStorage openSecondStorage() {
        // Through another path to the same file: the sections must still agree.
        return SqliteTestFiles.open(directory.resolve(".").resolve("tokens.db"), StorageKeySources.rawKey(key));
    }

    @Override
    protected StoragePeer launchPeer() throws IOException {
        return StoragePeer.start(SqliteStoragePeer.class, Map.of(),
                List.of(HexFormat.of().formatHex(key.copyBytes(InsecureSecretAccess.get()))), file().toString());
    }

    @Override
    protected void cleanUp(SecureStorage storage) {
        ((SqliteSecureStorage) storage).close();
    }
}
