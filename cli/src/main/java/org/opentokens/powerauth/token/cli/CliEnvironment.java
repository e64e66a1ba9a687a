package org.opentokens.powerauth.token.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;

/**
 * What the CLI reads from and writes to besides its arguments: the standard streams, the environment, the
 * terminal, where the per-user data lives, the keychain service of store keys, and two cost settings that tests
 * lower. Secrets from the environment and standard input are read as UTF-8 and normalized to NFC
 * ({@link SecretText}).
 */
final class CliEnvironment {
    /** Environment variable with the storage passphrase. */
    static final String PASSPHRASE_ENV = "POWERAUTH_TOKEN_PASSPHRASE";
    /** Environment variable with the store's raw key ({@code --key-source key}), Base64 of 32 bytes. */
    static final String STORE_KEY_ENV = "POWERAUTH_TOKEN_STORE_KEY";
    /** Environment variable with the activation password. */
    static final String PASSWORD_ENV = "POWERAUTH_TOKEN_PASSWORD";

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    final SecretEnvironment secrets;
    final Optional<ConsoleInput> console;
    final Path defaultDataDir;
    final int newStoreIterations;
    final int knowledgeKeyIterations;
    /** The keychain service name of the store keys; tests use one of their own. */
    final String keychainService;
    private final InputStream in;
    private BufferedInputStream stdin;

    CliEnvironment(InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
            Optional<ConsoleInput> console, Path defaultDataDir, int newStoreIterations, int knowledgeKeyIterations) {
        this(in, out, err, env, SecretEnvironment.of(env), console, defaultDataDir, newStoreIterations,
                knowledgeKeyIterations, StoreOpener.KEYCHAIN_SERVICE);
    }

    CliEnvironment(InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
            SecretEnvironment secrets, Optional<ConsoleInput> console, Path defaultDataDir, int newStoreIterations,
            int knowledgeKeyIterations, String keychainService) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Map.copyOf(env);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.keychainService = Objects.requireNonNull(keychainService, "keychainService");
        this.console = Objects.requireNonNull(console, "console");
        this.defaultDataDir = Objects.requireNonNull(defaultDataDir, "defaultDataDir");
        this.newStoreIterations = newStoreIterations;
        this.knowledgeKeyIterations = knowledgeKeyIterations;
    }

    /** @return the process's streams, environment and terminal, with the production costs */
    static CliEnvironment system() {
        Map<String, String> env = System.getenv();
        return new CliEnvironment(System.in, System.out, System.err, env, SecretEnvironment.system(),
                ConsoleInput.system(),
                userDataDir(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", "."))),
                StorageKeySources.DEFAULT_PBKDF2_ITERATIONS, 10_000, StoreOpener.KEYCHAIN_SERVICE);
    }

    /**
     * @return the per-user data directory: {@code $XDG_DATA_HOME/powerauth-token} (or
     *     {@code ~/.local/share/powerauth-token}) on Linux, {@code ~/Library/Application Support/powerauth-token}
     *     on macOS, {@code %APPDATA%\powerauth-token} on Windows
     */
    static Path userDataDir(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") && env.containsKey("APPDATA")) {
            return Path.of(env.get("APPDATA"), "powerauth-token");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("powerauth-token");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("powerauth-token");
    }

    /**
     * @param what what the line holds, for messages ("storage passphrase")
     * @return the next line of standard input, without its line end, read as UTF-8 and normalized to NFC, as
     *     characters the caller wipes
     * @throws CliException ({@link ExitCodes#USAGE}) if standard input has ended or the line is not UTF-8
     */
    synchronized char[] readStdinLine(String what) {
        if (stdin == null) {
            stdin = new BufferedInputStream(in);
        }
        byte[] line = new byte[128];
        int length = 0;
        try {
            int b = stdin.read();
            if (b < 0) {
                throw new CliException(ExitCodes.USAGE, "standard input ended before the " + what);
            }
            while (b >= 0 && b != '\n') {
                if (length == line.length) {
                    byte[] longer = Arrays.copyOf(line, length * 2);
                    Arrays.fill(line, (byte) 0);
                    line = longer;
                }
                line[length++] = (byte) b;
                b = stdin.read();
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            return SecretText.fromUtf8(line, length, "the " + what + " on standard input");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }
}
