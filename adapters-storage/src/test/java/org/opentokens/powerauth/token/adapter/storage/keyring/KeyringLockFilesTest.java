package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

class KeyringLockFilesTest {
    @TempDir
    Path directory;

    private final Path home = Path.of("/home/alice");

    @Test
    void onLinuxTheRuntimeDirectoryWinsWhenItExists() {
        assertThat(KeyringLockFiles.defaultDirectory(KeyringPlatform.LINUX_SECRET_SERVICE,
                Map.of("XDG_RUNTIME_DIR", directory.toString(), "XDG_DATA_HOME", "/data"), home))
                .isEqualTo(directory.resolve("powerauth-token"));
    }

    @Test
    void onLinuxWithoutAUsableRuntimeDirectoryTheDataDirectoryIsUsed() {
        Path missing = directory.resolve("gone");
        assertThat(KeyringLockFiles.defaultDirectory(KeyringPlatform.LINUX_SECRET_SERVICE,
                Map.of("XDG_RUNTIME_DIR", missing.toString(), "XDG_DATA_HOME", "/data"), home))
                .isEqualTo(Path.of("/data", "powerauth-token"));
        assertThat(KeyringLockFiles.defaultDirectory(KeyringPlatform.LINUX_SECRET_SERVICE,
                Map.of("XDG_RUNTIME_DIR", "relative/run", "XDG_DATA_HOME", "relative/data"), home))
                .isEqualTo(home.resolve(".local/share/powerauth-token"));
        assertThat(KeyringLockFiles.defaultDirectory(KeyringPlatform.LINUX_SECRET_SERVICE, Map.of(), home))
                .isEqualTo(home.resolve(".local/share/powerauth-token"));
    }

    @Test
    void macOsAndWindowsUseTheirPerUserDataDirectories() {
        assertThat(KeyringLockFiles.defaultDirectory(KeyringPlatform.MACOS_KEYCHAIN,
                Map.of("XDG_RUNTIME_DIR", directory.toString()), home))
                .isEqualTo(home.resolve("Library/Application Support/powerauth-token"));
        assertThat(KeyringLockFiles.defaultDirectory(KeyringPlatform.WINDOWS_CREDENTIAL_MANAGER,
                Map.of("LOCALAPPDATA", directory.toString()), home)).isEqualTo(directory.resolve("powerauth-token"));
        assertThat(KeyringLockFiles.defaultDirectory(KeyringPlatform.WINDOWS_CREDENTIAL_MANAGER, Map.of(), home))
                .isEqualTo(home.resolve("AppData/Local/powerauth-token"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theDirectoryIsOwnerOnlyAndSoIsTheLockFileOnceAWriteTookTheLock() throws Exception {
        Path locks = directory.resolve("run/powerauth-token");
        KeyringLockFiles.createDirectory(locks);
        KeyringLockFiles.createDirectory(locks);
        KeyringSecureStorage storage = new KeyringSecureStorage("svc", new FakeKeyringBackend(Integer.MAX_VALUE),
                KeyringLockFiles.lockFile(locks, "svc"), Duration.ofSeconds(10));

        storage.put(StorageNamespace.of("instance"), "token", ofText("t"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(locks))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(locks.resolve("svc.lock"))))
                .isEqualTo("rw-------");
    }
}
