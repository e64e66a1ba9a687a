package org.opentokens.powerauth.token.adapter.storage.keyring;

import com.github.javakeyring.KeyringStorageType;

/** Creates the {@link KeyringBackend} of a platform. */
final class KeyringBackends {
    /** An account no item is ever stored under; reading it checks that the keychain answers. */
    static final String PROBE_ACCOUNT = "probe";
    /**
     * Windows credentials hold 2560 bytes; java-keyring stores Base64 text as UTF-16LE, so 1280 characters,
     * which carry 960 bytes.
     */
    static final int WINDOWS_MAX_ITEM_BYTES = 960;

    private KeyringBackends() {
    }

    static KeyringBackend open(KeyringPlatform platform, String service) {
        return switch (platform) {
            case LINUX_SECRET_SERVICE -> LibSecretBackend.load(service);
            case MACOS_KEYCHAIN -> JavaKeyringBackend.open(service, KeyringStorageType.OSX_KEYCHAIN, Integer.MAX_VALUE);
            case WINDOWS_CREDENTIAL_MANAGER ->
                    JavaKeyringBackend.open(service, KeyringStorageType.WINDOWS_CREDENTIAL_STORE, WINDOWS_MAX_ITEM_BYTES);
        };
    }
}
