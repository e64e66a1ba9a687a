package org.opentokens.powerauth.token.wiring.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import org.opentokens.powerauth.token.adapter.storage.PassphraseKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.keyring.KeyringPlatform;
import org.opentokens.powerauth.token.adapter.storage.keyring.KeyringStorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.StorageCorruptException;
import org.opentokens.powerauth.token.port.out.StorageException;

/** Opens the CLI's encrypted SQLite store with the chosen key source. */
final class StoreOpener {
    /** The keychain service name of the CLI's store keys. */
    static final String KEYCHAIN_SERVICE = "powerauth-token-cli";

    private final CliEnvironment env;
    private final RandomSource random;

    StoreOpener(CliEnvironment env, RandomSource random) {
        this.env = env;
        this.random = random;
    }

    SqliteSecureStorage open(Path file, KeySourceChoice choice, boolean passphraseStdin) {
        createParent(file);
        boolean newStore = !Files.exists(file);
        return switch (choice) {
            case PASSPHRASE -> withPassphrase(file, SecretInput.explicitPassphrase(env, passphraseStdin)
                    .orElseGet(() -> SecretInput.consolePassphrase(env, newStore, "")));
            case KEYCHAIN -> withKeychain(file);
            case AUTO -> auto(file, passphraseStdin, newStore);
        };
    }

    private SqliteSecureStorage auto(Path file, boolean passphraseStdin, boolean newStore) {
        Optional<char[]> explicit = SecretInput.explicitPassphrase(env, passphraseStdin);
        if (explicit.isPresent()) {
            return withPassphrase(file, explicit.get());
        }
        try {
            return withKeychain(file);
        } catch (StorageCorruptException e) {
            throw e;
        } catch (StorageException e) {
            // No usable keychain, or the store was made with a passphrase: ask for one.
            return withPassphrase(file, SecretInput.consolePassphrase(env, newStore,
                    "the keychain did not open the store (" + e.getMessage() + "), so "));
        }
    }

    private SqliteSecureStorage withPassphrase(Path file, char[] passphrase) {
        PassphraseKeySource keys;
        try {
            keys = StorageKeySources.passphrase(passphrase, random, env.newStoreIterations);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        try {
            return SqliteSecureStorage.builder(file).keySource(keys).randomSource(random).open();
        } finally {
            keys.destroy();
        }
    }

    private SqliteSecureStorage withKeychain(Path file) {
        KeyringStorageKeySource keys = KeyringStorageKeySource.open(KEYCHAIN_SERVICE, KeyringPlatform.current(), random);
        return SqliteSecureStorage.builder(file).keySource(keys).randomSource(random).open();
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(parent,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
        }
    }
}
