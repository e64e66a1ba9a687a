package org.opentokens.powerauth.token.wiring.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;

/**
 * What the CLI reads from and writes to besides its arguments: the standard streams, the environment, the
 * terminal, where the per-user data lives, and two cost settings that tests lower.
 */
final class CliEnvironment {
    /** Environment variable with the storage passphrase. */
    static final String PASSPHRASE_ENV = "POWERAUTH_TOKEN_PASSPHRASE";
    /** Environment variable with the activation password. */
    static final String PASSWORD_ENV = "POWERAUTH_TOKEN_PASSWORD";

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    final Optional<ConsoleInput> console;
    final Path defaultDataDir;
    final int newStoreIterations;
    final int knowledgeKeyIterations;
    private final InputStream in;
    private BufferedReader stdinLines;

    CliEnvironment(InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
            Optional<ConsoleInput> console, Path defaultDataDir, int newStoreIterations, int knowledgeKeyIterations) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Map.copyOf(env);
        this.console = Objects.requireNonNull(console, "console");
        this.defaultDataDir = Objects.requireNonNull(defaultDataDir, "defaultDataDir");
        this.newStoreIterations = newStoreIterations;
        this.knowledgeKeyIterations = knowledgeKeyIterations;
    }

    /** @return the process's streams, environment and terminal, with the production costs */
    static CliEnvironment system() {
        Map<String, String> env = System.getenv();
        return new CliEnvironment(System.in, System.out, System.err, env, ConsoleInput.system(),
                userDataDir(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", "."))),
                StorageKeySources.DEFAULT_PBKDF2_ITERATIONS, 10_000);
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
     * @return the next line of standard input, without its line end, as characters the caller wipes
     * @throws CliException if standard input has ended
     */
    synchronized char[] readStdinLine(String what) {
        try {
            if (stdinLines == null) {
                stdinLines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
            }
            String line = stdinLines.readLine();
            if (line == null) {
                throw new CliException(ExitCodes.USAGE, "standard input ended before the " + what);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
