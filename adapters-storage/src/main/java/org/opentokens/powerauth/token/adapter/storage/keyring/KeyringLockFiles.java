package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * Where the keyring adapter keeps its lock files: {@code <directory>/powerauth-token/<service>.lock} in the per-user
 * directory ({@code $XDG_RUNTIME_DIR} on Linux when it is an existing absolute directory, else {@code $XDG_DATA_HOME}
 * or {@code ~/.local/share}; {@code ~/Library/Application Support} on macOS; {@code %LOCALAPPDATA%} on Windows). The
 * directory is created mode 0700 and the file 0600 where POSIX permissions exist.
 */
final class KeyringLockFiles {
    static final String DIRECTORY = "powerauth-token";

    private KeyringLockFiles() {
    }

    /**
     * @param platform the keychain in use
     * @param env the process environment
     * @param home the user's home directory
     * @return the default directory of the lock files
     */
    static Path defaultDirectory(KeyringPlatform platform, Map<String, String> env, Path home) {
        return switch (platform) {
            case LINUX_SECRET_SERVICE -> {
                Path runtime = absolute(env.get("XDG_RUNTIME_DIR"));
                if (runtime != null && Files.isDirectory(runtime)) {
                    yield runtime.resolve(DIRECTORY);
                }
                Path data = absolute(env.get("XDG_DATA_HOME"));
                yield (data != null ? data : home.resolve(".local").resolve("share")).resolve(DIRECTORY);
            }
            case MACOS_KEYCHAIN -> home.resolve("Library").resolve("Application Support").resolve(DIRECTORY);
            case WINDOWS_CREDENTIAL_MANAGER -> {
                Path local = absolute(env.get("LOCALAPPDATA"));
                yield (local != null ? local : home.resolve("AppData").resolve("Local")).resolve(DIRECTORY);
            }
        };
    }

    /**
     * @param directory the lock directory
     * @param service the checked service name (a valid file name)
     * @return the service's lock file
     */
    static Path lockFile(Path directory, String service) {
        return directory.resolve(service + ".lock");
    }

    /** Creates the directory (and missing parents) mode 0700 if it does not exist. */
    static void createDirectory(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                return;
            }
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("cannot create the keychain lock directory", e);
        }
    }

    private static Path absolute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? path : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}
