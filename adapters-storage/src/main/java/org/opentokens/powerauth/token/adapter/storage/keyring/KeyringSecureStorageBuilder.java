package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.nio.file.Path;
import java.time.Duration;
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
    private Duration callTimeout = KeyringCalls.DEFAULT_TIMEOUT;
    private Path lockDirectory;

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
     * @param callTimeout how long one keychain call may take (an unlock prompt counts); default 60 s. A call
     *     that does not return in time fails with
     *     {@link org.opentokens.powerauth.token.domain.error.StorageUnavailableException}, and so does every later
     *     keychain call of this process, because the stuck native call cannot be aborted.
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public KeyringSecureStorageBuilder callTimeout(Duration callTimeout) {
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("keychain call timeout must be positive");
        }
        this.callTimeout = callTimeout;
        return this;
    }

    /**
     * @param lockDirectory the directory of the lock file {@code <service>.lock} that excludes other processes
     *     (created mode 0700 if missing); default: see {@link KeyringSecureStorage}. Every process sharing the
     *     service must use the same directory.
     * @return this builder
     */
    public KeyringSecureStorageBuilder lockDirectory(Path lockDirectory) {
        this.lockDirectory = Objects.requireNonNull(lockDirectory, "lockDirectory").toAbsolutePath().normalize();
        return this;
    }

    /**
     * Loads the keychain binding and makes one read, so that a missing library, bus or keychain service fails
     * here rather than at the first call, and creates the lock directory if it is missing.
     *
     * @return the storage
     * @throws org.opentokens.powerauth.token.domain.error.StorageUnavailableException if the keychain is not usable
     * @throws org.opentokens.powerauth.token.domain.error.StorageLockedException if it is locked
     */
    public KeyringSecureStorage open() {
        KeyringPlatform chosen = platform == null ? KeyringPlatform.current() : platform;
        KeyringBackend backend = KeyringBackends.open(chosen, service, callTimeout);
        backend.read(KeyringBackends.PROBE_ACCOUNT);
        Path directory = lockDirectory != null ? lockDirectory : KeyringLockFiles.defaultDirectory(chosen,
                System.getenv(), Path.of(System.getProperty("user.home", ".")));
        KeyringLockFiles.createDirectory(directory);
        return new KeyringSecureStorage(service, backend, KeyringLockFiles.lockFile(directory, service),
                callTimeout.multipliedBy(2));
    }
}
