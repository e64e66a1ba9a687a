package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The house rule for keychain tests: with {@code CI=true} they always run, and fail if the Secret Service is
 * missing; without CI they are skipped only when there is no session bus at all.
 */
final class SecretServiceEnvironment {
    private SecretServiceEnvironment() {
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static boolean hasSessionBus() {
        String address = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return true;
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return runtime != null && Files.exists(Path.of(runtime, "bus"));
    }

    /** Skips the test on a developer machine without a session bus; in CI, never. */
    static void requireSessionBus() {
        if (!inCi()) {
            assumeTrue(hasSessionBus(), "no D-Bus session bus on this machine (and CI is not set)");
        }
    }

    /**
     * Skips the sandbox tests (which start their own private bus) on a developer machine without
     * gnome-keyring or dbus-daemon; in CI, never.
     */
    static void requireSandboxTools() {
        if (!inCi()) {
            assumeTrue(executable("gnome-keyring-daemon") && executable("dbus-daemon"),
                    "gnome-keyring-daemon or dbus-daemon is not installed (and CI is not set)");
        }
    }

    static boolean executable(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
