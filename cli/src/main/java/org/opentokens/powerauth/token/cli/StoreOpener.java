package org.opentokens.powerauth.token.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.opentokens.powerauth.token.adapter.storage.PassphraseKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKey;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.keyring.KeyringPlatform;
import org.opentokens.powerauth.token.adapter.storage.keyring.KeyringStorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.StorageLockedException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Opens the CLI's encrypted SQLite store with the chosen key source, and explains in the user's terms why a store
 * does not open: a passphrase store given no passphrase or the wrong one, a keychain store given a passphrase, or a
 * keychain store whose key item is gone, which no passphrase can replace.
 */
final class StoreOpener {
    /** The keychain service name of the CLI's store keys. */
    static final String KEYCHAIN_SERVICE = "powerauth-token-cli";

    private final CliEnvironment env;
    private final RandomSource random;

    StoreOpener(CliEnvironment env, RandomSource random) {
        this.env = env;
        this.random = random;
    }

    /** An open store and the key source that opened it. */
    record Opened(SqliteSecureStorage storage, TrackedKeySource keys) {
    }

    /**
     * @param file the store; created if missing
     * @return the open store
     * @throws CliException for a missing passphrase ({@link ExitCodes#USAGE}) or a store that cannot be unlocked
     *     ({@link ExitCodes#STORAGE})
     * @throws StorageException if the store is damaged or unavailable
     */
    Opened open(Path file, KeySourceChoice choice, boolean passphraseStdin) {
        createParent(file);
        boolean newStore = !Files.exists(file);
        return switch (choice) {
            case PASSPHRASE -> withPassphrase(file, SecretInput.explicitPassphrase(env, passphraseStdin)
                    .orElseGet(() -> SecretInput.consolePassphrase(env, newStore, "")));
            case KEYCHAIN -> withKeychain(file, true);
            case AUTO -> auto(file, passphraseStdin, newStore);
            case KEY -> withRawKey(file, rawKey());
        };
    }

    /** @return the key in {@code $POWERAUTH_TOKEN_STORE_KEY}, decoded, which the caller destroys */
    private SecretBytes rawKey() {
        String name = CliEnvironment.STORE_KEY_ENV;
        char[] text = env.secrets.read(name).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "--key-source key needs the store key in $" + name + " (Base64 of 32 random bytes, e.g. from "
                        + "openssl rand -base64 32)"));
        byte[] ascii = new byte[text.length];
        byte[] key = null;
        try {
            for (int i = 0; i < text.length; i++) {
                ascii[i] = text[i] < 0x80 ? (byte) text[i] : (byte) '?';
            }
            key = Base64.getDecoder().decode(ascii);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        } finally {
            Arrays.fill(text, '\0');
            Arrays.fill(ascii, (byte) 0);
        }
        if (key.length != StorageKeySource.KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new CliException(ExitCodes.USAGE, "$" + name + " is not the Base64 of " + StorageKeySource.KEY_BYTES
                    + " bytes (make one with: openssl rand -base64 32)");
        }
        return SecretBytes.takeOwnership(key);
    }

    private Opened withRawKey(Path file, SecretBytes key) {
        TrackedKeySource keys;
        try {
            keys = new TrackedKeySource(StorageKeySources.rawKey(key));
        } finally {
            key.destroy();
        }
        try {
            return new Opened(SqliteSecureStorage.builder(file).keySource(keys).randomSource(random).open(), keys);
        } catch (StorageLockedException e) {
            throw new CliException(ExitCodes.STORAGE, "the key in $" + CliEnvironment.STORE_KEY_ENV + " does not open "
                    + "the store " + file + " (it was made with another key, a passphrase or the OS keychain); "
                    + "nothing was changed");
        } finally {
            keys.forgetCreatedKey();
        }
    }

    private Opened auto(Path file, boolean passphraseStdin, boolean newStore) {
        Optional<char[]> explicit = SecretInput.explicitPassphrase(env, passphraseStdin);
        if (explicit.isPresent()) {
            return withPassphrase(file, explicit.get());
        }
        try {
            return withKeychain(file, false);
        } catch (StorageCorruptException e) {
            throw e;
        } catch (StorageUnavailableException e) {
            if (!newStore && isKeychainStore(file)) {
                throw new CliException(ExitCodes.STORAGE, "the key of the store " + file + " is in the OS keychain, "
                        + "which cannot be reached (" + e.getMessage() + "); no passphrase can open this store. Start "
                        + "the keychain (on Linux, a Secret Service such as gnome-keyring) and try again.");
            }
            return withPassphrase(file, SecretInput.consolePassphrase(env, newStore,
                    "the OS keychain cannot be reached (" + e.getMessage() + "), so "));
        } catch (StorageException e) {
            // The store was made with a passphrase: ask for it.
            return withPassphrase(file, SecretInput.consolePassphrase(env, newStore, "the store " + file
                    + " is protected by a passphrase: "));
        }
    }

    private Opened withPassphrase(Path file, char[] passphrase) {
        PassphraseKeySource source;
        try {
            source = StorageKeySources.passphrase(passphrase, random, env.newStoreIterations);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        TrackedKeySource keys = new TrackedKeySource(source);
        try {
            return new Opened(SqliteSecureStorage.builder(file).keySource(keys).randomSource(random).open(), keys);
        } catch (StorageLockedException e) {
            if (!keys.recoverCalled()) {
                throw new CliException(ExitCodes.STORAGE, "the key of the store " + file + " is in the OS keychain, "
                        + "not a passphrase: run without a passphrase (unset " + CliEnvironment.PASSPHRASE_ENV
                        + ", no --passphrase-stdin) with --key-source auto or keychain");
            }
            throw new CliException(ExitCodes.STORAGE, "the passphrase does not open the store " + file
                    + " (nothing was changed)");
        } finally {
            keys.forgetCreatedKey();
            source.destroy();
        }
    }

    private Opened withKeychain(Path file, boolean chosen) {
        TrackedKeySource keys = new TrackedKeySource(
                KeyringStorageKeySource.open(env.keychainService, KeyringPlatform.current(), random));
        try {
            return new Opened(SqliteSecureStorage.builder(file).keySource(keys).randomSource(random).open(), keys);
        } catch (StorageLockedException e) {
            if (keys.recoverFailed()) {
                throw keychainKeyGone(file, e);
            }
            if (keys.recoverCalled()) {
                throw new CliException(ExitCodes.STORAGE, "the key the OS keychain holds for the store " + file
                        + " does not open it (was the keychain item replaced?); nothing was changed");
            }
            if (chosen) {
                throw new CliException(ExitCodes.STORAGE, "the store " + file + " is protected by a passphrase, not "
                        + "the OS keychain: give the passphrase (--passphrase-stdin or " + CliEnvironment.PASSPHRASE_ENV
                        + ") with --key-source auto or passphrase");
            }
            throw e;
        } finally {
            keys.forgetCreatedKey();
        }
    }

    private CliException keychainKeyGone(Path file, StorageLockedException cause) {
        return new CliException(ExitCodes.STORAGE, "the key of the store " + file + " is kept in the OS keychain "
                + "(service '" + env.keychainService + "'), and the keychain did not give it: " + cause.getMessage()
                + ". No passphrase can open this store. If the keychain is locked, unlock it and try again. If its "
                + "item was deleted, restore it from a backup of the keychain, or start over: move " + file
                + " away and run 'powerauth-token activate' with a new activation code (ask the back office to "
                + "remove the old activation).");
    }

    /** @return true if the existing store's key method is the keychain's; opens the file to read its key method */
    private boolean isKeychainStore(Path file) {
        Probe probe = new Probe();
        try {
            SqliteSecureStorage.builder(file).keySource(probe).randomSource(random).open().close();
        } catch (StorageException e) {
            return probe.asked;
        }
        return probe.asked;
    }

    /** Claims the keychain method and records whether the store asked it for its key; never gives a key. */
    private static final class Probe implements StorageKeySource {
        private boolean asked;

        @Override
        public String method() {
            return "keychain";
        }

        @Override
        public StorageKey createKey() {
            throw new StorageUnavailableException("the store disappeared while its key method was checked");
        }

        @Override
        public SecretBytes recoverKey(byte[] parameters) {
            asked = true;
            throw new StorageLockedException("key method checked");
        }
    }

    /** Deletes a store this process has just created, and the keychain item of its key, if any. */
    static void deleteNewStore(Path file, TrackedKeySource keys) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the unused store " + file, e);
            }
        }
        keys.discardCreated();
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
