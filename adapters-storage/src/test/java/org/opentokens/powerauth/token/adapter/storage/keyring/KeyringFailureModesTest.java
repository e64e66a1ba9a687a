package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.ChildJvm;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.port.out.SecureStorageFailureContract;
import org.opentokens.powerauth.token.port.out.StorageFailureScenario;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Keychain failures staged for real: in this JVM (a missing libsecret, another OS's keychain, a damaged item
 * in the session's keychain) and in child JVMs on private buses (no bus, no Secret Service, a locked or a
 * missing collection). Every child must report a typed exception and then exit by itself.
 */
class KeyringFailureModesTest implements SecureStorageFailureContract {
    private static final String SERVICE = KeyringSecureStorageTest.SERVICE;
    private static final String DAMAGED_ACCOUNT = KeyringSecureStorage.account(StorageNamespace.of("failure-contract"));

    @TempDir
    Path directory;

    private boolean damagedItemWritten;

    @Override
    public List<StorageFailureScenario> failureScenarios() {
        List<StorageFailureScenario> scenarios = new ArrayList<>();
        scenarios.add(new StorageFailureScenario("libsecret cannot be loaded", StorageUnavailableException.class,
                () -> TestKeyrings.over(SERVICE, LibSecretBackend.load(SERVICE, "libsecret-absent.so.0", KeyringCalls.DEFAULT_TIMEOUT))));
        scenarios.add(new StorageFailureScenario("the Windows keychain on another OS", StorageUnavailableException.class,
                () -> KeyringSecureStorage.builder(SERVICE).platform(KeyringPlatform.WINDOWS_CREDENTIAL_MANAGER).open()));
        scenarios.add(new StorageFailureScenario("the macOS keychain on another OS", StorageUnavailableException.class,
                () -> KeyringSecureStorage.builder(SERVICE).platform(KeyringPlatform.MACOS_KEYCHAIN).open()));
        scenarios.add(new StorageFailureScenario("a damaged item in the keychain", StorageCorruptException.class, () -> {
            SecretServiceEnvironment.requireSessionBus();
            LibSecretBackend.load(SERVICE, KeyringCalls.DEFAULT_TIMEOUT).write(DAMAGED_ACCOUNT, "damaged", "Ixx".getBytes(StandardCharsets.US_ASCII));
            damagedItemWritten = true;
            return KeyringSecureStorage.builder(SERVICE).platform(KeyringPlatform.LINUX_SECRET_SERVICE).open();
        }));
        return scenarios;
    }

    @AfterEach
    void removeDamagedItem() {
        if (damagedItemWritten) {
            LibSecretBackend.load(SERVICE, KeyringCalls.DEFAULT_TIMEOUT).delete(DAMAGED_ACCOUNT);
        }
    }

    @Test
    void noSessionBusIsUnavailableAndTheJvmStillExits() throws Exception {
        SecretServiceEnvironment.requireSandboxTools();
        Map<String, String> env = new HashMap<>();
        env.put("DBUS_SESSION_BUS_ADDRESS", null);
        env.put("DISPLAY", null);
        env.put("XDG_RUNTIME_DIR", Files.createDirectory(directory.resolve("empty-runtime")).toString());

        assertThat(runChild(env)).containsExactly("open: StorageUnavailableException");
    }

    @Test
    void aBusAddressThatLeadsNowhereIsUnavailable() throws Exception {
        SecretServiceEnvironment.requireSandboxTools();
        Map<String, String> env = new HashMap<>();
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + directory.resolve("no-such-socket"));
        env.put("DISPLAY", null);

        assertThat(runChild(env)).containsExactly("open: StorageUnavailableException");
    }

    @Test
    void aBusWithoutSecretServiceIsUnavailableAndTheJvmStillExits() throws Exception {
        SecretServiceEnvironment.requireSandboxTools();
        try (SecretServiceSandbox sandbox = SecretServiceSandbox.startBus(directory)) {
            assertThat(runChild(sandbox.environment(directory.resolve("data"))))
                    .containsExactly("open: StorageUnavailableException");
        }
    }

    @Test
    void aLockedCollectionIsLockedAndTheItemSurvives() throws Exception {
        SecretServiceEnvironment.requireSandboxTools();
        Path data = directory.resolve("data");
        try (SecretServiceSandbox sandbox = SecretServiceSandbox.startBus(directory)) {
            sandbox.startKeyring(data, "right password");
            assertThat(runChild(sandbox.environment(data), "seed")).containsExactly("open: ok", "put: ok");
            sandbox.stopKeyring();

            sandbox.startKeyring(data, "wrong password");
            List<String> lines = runChild(sandbox.environment(data));

            assertThat(lines).as("a locked keychain must not look empty").containsExactly("open: StorageLockedException");
            sandbox.stopKeyring();

            sandbox.startKeyring(data, "right password");
            assertThat(runChild(sandbox.environment(data))).containsExactly("open: ok", "put: ok", "get: ok", "names: ok");
        }
    }

    @Test
    void aMissingDefaultCollectionIsATypedFailure() throws Exception {
        SecretServiceEnvironment.requireSandboxTools();
        Path data = directory.resolve("data");
        try (SecretServiceSandbox sandbox = SecretServiceSandbox.startBus(directory)) {
            sandbox.startKeyring(data, null);

            List<String> lines = runChild(sandbox.environment(data));

            assertThat(lines).containsExactly("open: StorageUnavailableException");
        }
    }

    @Test
    void aSecretServiceThatNeverAnswersTimesOutAndTheJvmStillExits() throws Exception {
        SecretServiceEnvironment.requireSandboxTools();
        Path data = directory.resolve("data");
        try (SecretServiceSandbox sandbox = SecretServiceSandbox.startBus(directory)) {
            sandbox.startKeyring(data, "password");
            sandbox.suspendKeyring();

            assertThat(runChild(sandbox.environment(data), "--timeout-seconds=2"))
                    .containsExactly("open: StorageUnavailableException");
        }
    }

    /** Runs the child to its natural end; a JVM that does not exit fails at the hang guard. */
    private static List<String> runChild(Map<String, String> env, String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(KeyringChildProcess.class, env, args)) {
            List<String> lines = new ArrayList<>();
            String all = new String(childOutput(child), StandardCharsets.UTF_8);
            for (String line : all.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            assertThat(child.waitForExit()).as(child.describe()).isZero();
            return lines;
        }
    }

    private static byte[] childOutput(ChildJvm child) throws Exception {
        StringBuilder out = new StringBuilder();
        try {
            while (true) {
                out.append(child.readLine()).append('\n');
            }
        } catch (AssertionError ended) {
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
