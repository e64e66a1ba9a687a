package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Opens a {@link KeyringSecureStorage}: {@code KeyringSecureStorage.builder("com.example.app")
 * .platform(KeyringPlatform.LINUX_SECRET_SERVICE).open()}. A Guice module calls exactly this from its
 * {@code @Provides} method.
 */
public final class KeyringSecureStorageBuilder {
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final String service;
    private KeyringPlatform platform;

    KeyringSecureStorageBuilder(String service) {
        this.service = checkService(service);
    }

    static String checkService(String service) {
        Objects.requireNonNull(service, "service");
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("keychain service name must be 1 to 100 of A-Z a-z 0-9 . _ -");
        }
        return service;
    }

    /**
     * @param platform the keychain to use; default {@link KeyringPlatform#current()}
     * @return this builder
     */
    public KeyringSecureStorageBuilder platform(KeyringPlatform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
        return this;
    }

    /**
     * Loads the keychain binding and makes one read, so that a missing library, bus or keychain service fails
     * here rather than at the first call.
     *
     * @return the storage
     * @throws org.opentokens.powerauth.token.port.out.StorageUnavailableException if the keychain is not usable
     * @throws org.opentokens.powerauth.token.port.out.StorageLockedException if it is locked
     */
    public KeyringSecureStorage open() {
        KeyringBackend backend = KeyringBackends.open(platform == null ? KeyringPlatform.current() : platform, service);
        backend.read(KeyringBackends.PROBE_ACCOUNT);
        return new KeyringSecureStorage(service, backend);
    }
}
