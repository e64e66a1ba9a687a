package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SecureStorageContract;

/**
 * The contract against the real Windows Credential Manager; runs only on Windows (never in this project's
 * Linux CI). Values up to 64 KiB exercise the chunked layout over 2560-byte credentials.
 */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class WindowsCredentialStorageTest extends SecureStorageContract {
    private final String runPrefix = "contract-" + HexFormat.of().formatHex(TestStorageKeys.random().nextBytes(4)) + "-";

    @Override
    protected SecureStorage createStorage() {
        return KeyringSecureStorage.builder(KeyringSecureStorageTest.SERVICE)
                .platform(KeyringPlatform.WINDOWS_CREDENTIAL_MANAGER).open();
    }

    @Override
    protected String namespacePrefix() {
        return runPrefix;
    }
}
