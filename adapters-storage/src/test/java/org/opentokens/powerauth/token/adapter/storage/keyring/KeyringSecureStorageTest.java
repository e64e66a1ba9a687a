package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.HexFormat;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorageContract;

/** The contract against the real Secret Service of this session (gnome-keyring in CI). */
class KeyringSecureStorageTest extends SecureStorageContract {
    static final String SERVICE = "org.opentokens.powerauth.test";
    private final String runPrefix = "contract-" + HexFormat.of().formatHex(TestStorageKeys.random().nextBytes(4)) + "-";

    @Override
    protected SecureStorage createStorage() {
        SecretServiceEnvironment.requireSessionBus();
        return KeyringSecureStorage.builder(SERVICE).platform(KeyringPlatform.LINUX_SECRET_SERVICE).open();
    }

    @Override
    protected String namespacePrefix() {
        return runPrefix;
    }
}
