package org.opentokens.powerauth.token.adapter.storage.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorageContract;

class SqliteSecureStorageTest extends SecureStorageContract {
    @TempDir
    Path directory;

    @Override
    protected SecureStorage createStorage() {
        return SqliteSecureStorage.builder(directory.resolve("tokens.db"))
                .keySource(TestStorageKeys.randomRawKeySource())
                .randomSource(TestStorageKeys.random())
                .open();
    }

    @Override
    protected void cleanUp(SecureStorage storage) {
        ((SqliteSecureStorage) storage).close();
    }
}
