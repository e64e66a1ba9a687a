package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private D-Bus session bus with no activatable services (so nothing starts behind the test's back) and,
 * optionally, a gnome-keyring Secret Service on it, for staging keychain failures in child JVMs without
 * touching the session's own keychain. The keyring's data lives in a directory the test owns.
 */
final class SecretServiceSandbox implements AutoCloseable {
    private static final String BUS_CONFIG = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:dir=%s</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """;

    private final Path root;
    private final Process bus;
    private final String address;
    private Process keyring;

    private SecretServiceSandbox(Path root, Process bus, String address) {
        this.root = root;
        this.bus = bus;
        this.address = address;
    }

    /** Starts a bus with no Secret Service on it. */
    static SecretServiceSandbox startBus(Path root) throws IOException {
        Path config = Files.writeString(root.resolve("bus.conf"), BUS_CONFIG.formatted(root));
        Process bus = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork", "--nopidfile",
                "--print-address=1").redirectError(root.resolve("bus.err").toFile()).start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (address == null || address.isBlank()) {
            bus.destroyForcibly();
            throw new IOException("dbus-daemon did not start: " + Files.readString(root.resolve("bus.err")));
        }
        return new SecretServiceSandbox(root, bus, address.trim());
    }

    /**
     * Starts gnome-keyring on the bus, unlocking (or creating, if the data directory is new) the login
     * collection with {@code password}, or leaving it alone when {@code password} is null.
     */
    void startKeyring(Path data, String password) throws IOException, InterruptedException {
        Files.createDirectories(data);
        Path runtime = Files.createDirectories(root.resolve("run-" + System.nanoTime()));
        List<String> command = password == null
                ? List.of("gnome-keyring-daemon", "--foreground", "--components=secrets")
                : List.of("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("keyring.log").toFile());
        environment(data).forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        keyring = builder.start();
        try (OutputStream stdin = keyring.getOutputStream()) {
            if (password != null) {
                stdin.write(password.getBytes(StandardCharsets.UTF_8));
            }
        }
        awaitSecretService();
    }

    /** Stops gnome-keyring (its data directory stays). */
    void stopKeyring() throws InterruptedException {
        if (keyring != null) {
            keyring.destroy();
            keyring.waitFor(ChildJvmLimits.SECONDS, TimeUnit.SECONDS);
            keyring = null;
        }
    }

    /** @return the environment a child JVM needs to use this bus (and the keyring's data directory) */
    Map<String, String> environment(Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        env.put("XDG_DATA_HOME", data.toString());
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        return env;
    }

    private void awaitSecretService() throws IOException, InterruptedException {
        // Readiness polling with a hang guard: the daemon claims its bus name a few hundred ms after start.
        for (int attempt = 0; attempt < 200; attempt++) {
            Process probe = new ProcessBuilder("dbus-send", "--bus=" + address, "--print-reply",
                    "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets").redirectErrorStream(true).start();
            String reply = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            probe.waitFor();
            if (reply.contains("boolean true")) {
                return;
            }
            if (!keyring.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new IOException("gnome-keyring did not come up: " + Files.readString(root.resolve("keyring.log")));
    }

    @Override
    public void close() throws InterruptedException {
        stopKeyring();
        bus.destroy();
        bus.waitFor(ChildJvmLimits.SECONDS, TimeUnit.SECONDS);
    }

    /** The hang guard for daemons. */
    static final class ChildJvmLimits {
        static final long SECONDS = 30;

        private ChildJvmLimits() {
        }
    }
}
