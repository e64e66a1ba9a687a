package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorageContract;

/**
 * The contract against the real macOS keychain; runs only on macOS (never in this project's Linux CI). On a
 * CI runner, create and unlock a throw-away default keychain first (see the storage notes).
 */
@Tag("macos")
@EnabledOnOs(OS.MAC)
class MacosKeychainStorageTest extends SecureStorageContract {
    private final String runPrefix = "contract-" + HexFormat.of().formatHex(TestStorageKeys.random().nextBytes(4)) + "-";

    @Override
    protected SecureStorage createStorage() {
        return KeyringSecureStorage.builder(KeyringSecureStorageTest.SERVICE).platform(KeyringPlatform.MACOS_KEYCHAIN).open();
    }

    @Override
    protected String namespacePrefix() {
        return runPrefix;
    }
}
