package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SharedSecureStorageContract;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.port.out.StoragePeer;

/**
 * The contract against the real Secret Service of this session (gnome-keyring in CI); second storages and peer
 * JVMs open the same service with the same lock directory. Every namespace is forgotten afterwards, version
 * included, so that runs leave no items in a developer's keychain.
 */
class KeyringSecureStorageTest extends SharedSecureStorageContract {
    static final String SERVICE = "org.opentokens.powerauth.test";
    private final String runPrefix = "contract-" + HexFormat.of().formatHex(TestStorageKeys.random().nextBytes(4)) + "-";

    @Override
    protected SecureStorage createStorage() {
        SecretServiceEnvironment.requireSessionBus();
        return open();
    }

    @Override
    protected SecureStorage openSecondStorage() {
        return open();
    }

    private static KeyringSecureStorage open() {
        return KeyringSecureStorage.builder(SERVICE).platform(KeyringPlatform.LINUX_SECRET_SERVICE)
                .lockDirectory(TestKeyrings.lockDirectory()).open();
    }

    @Override
    protected StoragePeer launchPeer() throws IOException {
        return StoragePeer.start(KeyringStoragePeer.class, Map.of(), List.of(), SERVICE,
                TestKeyrings.lockDirectory().toString());
    }

    @Override
    protected String namespacePrefix() {
        return runPrefix;
    }

    @Override
    protected void cleanUp(SecureStorage storage) {
        for (StorageNamespace namespace : usedNamespaces()) {
            ((KeyringSecureStorage) storage).forget(namespace);
        }
    }
}
