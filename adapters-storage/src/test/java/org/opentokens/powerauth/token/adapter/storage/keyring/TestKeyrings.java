package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Keyring storages over any backend, with their lock files in one temporary directory of this JVM. */
final class TestKeyrings {
    private static final Path LOCKS = createLockDirectory();

    private TestKeyrings() {
    }

    /** @return this JVM's lock directory for keyring tests (deleted at exit) */
    static Path lockDirectory() {
        return LOCKS;
    }

    /** @return a storage over {@code backend}, locking in {@link #lockDirectory()} */
    static KeyringSecureStorage over(String service, KeyringBackend backend) {
        return new KeyringSecureStorage(service, backend, KeyringLockFiles.lockFile(LOCKS, service),
                KeyringCalls.DEFAULT_TIMEOUT.multipliedBy(2));
    }

    private static Path createLockDirectory() {
        try {
            Path directory = Files.createTempDirectory("keyring-locks-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                    Files.deleteIfExists(directory);
                } catch (IOException e) {
                    // a leftover empty lock file in the temporary directory is harmless
                }
            }));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
