package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.opentokens.powerauth.token.adapter.storage.StorageKey;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * A {@link StorageKeySource} that keeps a random 32-byte key in the OS keychain, for example for the SQLite
 * adapter: the data stays in the database, the key in the keychain. Each new store gets its own item
 * (service = the configured service name, account = {@code key:} + a random id); the id is the store's key
 * parameter. A store whose item has gone reports {@link StorageLockedException} at open.
 */
public final class KeyringStorageKeySource implements StorageKeySource {
    private static final String ACCOUNT_PREFIX = "key:";
    private static final int ID_BYTES = 16;

    private final KeyringBackend backend;
    private final RandomSource random;
    private final String service;

    KeyringStorageKeySource(KeyringBackend backend, String service, RandomSource random) {
        this.backend = backend;
        this.service = service;
        this.random = random;
    }

    /**
     * @param service the keychain service name (as for {@link KeyringSecureStorage#open(String)})
     * @param platform the keychain to use
     * @param random draws keys and item ids
     * @return the source
     * @throws org.opentokens.powerauth.token.domain.error.StorageUnavailableException if the keychain is not usable
     */
    public static KeyringStorageKeySource open(String service, KeyringPlatform platform, RandomSource random) {
        KeyringSecureStorageBuilder.checkService(service);
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(random, "random");
        return new KeyringStorageKeySource(KeyringBackends.open(platform, service, KeyringCalls.DEFAULT_TIMEOUT),
                service, random);
    }

    @Override
    public String method() {
        return "keychain";
    }

    @Override
    public StorageKey createKey() {
        byte[] id = random.nextBytes(ID_BYTES);
        SecretBytes key = SecretBytes.takeOwnership(random.nextBytes(KEY_BYTES));
        String account = ACCOUNT_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        byte[] raw = key.copyBytes(InsecureSecretAccess.get());
        try {
            backend.write(account, "PowerAuth token storage key (" + service + ")", raw);
            return new StorageKey(key, account.getBytes(StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(raw, (byte) 0);
            key.destroy();
        }
    }

    @Override
    public SecretBytes recoverKey(byte[] parameters) {
        byte[] key = backend.read(account(parameters))
                .orElseThrow(() -> new StorageLockedException("the keychain holds no key for this store"));
        if (key.length != KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new StorageCorruptException("the keychain's key for this store has the wrong length");
        }
        return SecretBytes.takeOwnership(key);
    }

    @Override
    public void discardKey(byte[] parameters) {
        backend.delete(account(parameters));
    }

    private static String account(byte[] parameters) {
        String account = new String(parameters, StandardCharsets.US_ASCII);
        if (!account.matches(ACCOUNT_PREFIX + "[A-Za-z0-9_-]{22}")) {
            throw new StorageCorruptException("keychain key parameters are damaged");
        }
        return account;
    }

    @Override
    public String toString() {
        return "KeyringStorageKeySource[" + service + "]";
    }
}
