package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets do not depend on the locale: the CLI runs as a separate process ({@link LocaleProbeMain}, several commands
 * per process) under {@code LC_ALL=C}, {@code C.UTF-8} and a Latin-1 locale, with the secrets' bytes put into its
 * environment by {@code /bin/sh} and into its standard input by the test (so the test JVM's own locale cannot
 * change them).
 *
 * <p>The Latin-1 locale is compiled by {@code localedef} into a temporary directory and selected with
 * {@code LOCPATH} (glibc), so nothing is installed on the machine. Where that is impossible, the child JVM is told
 * {@code -Dfile.encoding=ISO-8859-1}, which is how JDK 17 then decodes the environment. Each test first checks that
 * the JVM really saw the locale it was given, so it would have caught the old locale-dependent decoding.
 */
class CliLocaleTest {
    /** пароль-секрет, the store passphrase, as UTF-8. */
    private static final String PASSPHRASE = "\u043f\u0430\u0440\u043e\u043b\u044c-\u0441\u0435\u043a\u0440\u0435\u0442";
    /** пароль, the activation password. */
    private static final String PASSWORD = "\u043f\u0430\u0440\u043e\u043b\u044c";
    /** жжжжжж: as many non-ASCII characters as the password, so a locale that loses them makes both equal. */
    private static final String WRONG_PASSWORD = "\u0436".repeat(6);
    /** ääääää-ääääää: the passphrase's shape with other non-ASCII letters. */
    private static final String WRONG_PASSPHRASE = "\u00e4".repeat(6) + "-" + "\u00e4".repeat(6);

    @TempDir
    static Path dir;
    @TempDir
    static Path locales;

    private static CliHarness cli;
    private static Map<String, String> latin1Env;
    private static List<String> latin1JvmOptions = List.of();

    @BeforeAll
    static void activateAndPrepareALatin1Locale() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        cli = new CliHarness(dir);
        cli.env.put(CliEnvironment.PASSPHRASE_ENV, PASSPHRASE);
        cli.env.put(CliEnvironment.PASSWORD_ENV, PASSWORD);
        cli.activate();
        latin1Env = Map.of("LC_ALL", "de_DE.ISO-8859-1", "LOCPATH", locales.toString());
        if (!compileLatin1Locale()) {
            latin1Env = Map.of("LC_ALL", "C");
            latin1JvmOptions = List.of("-Dfile.encoding=ISO-8859-1", "-Dsun.jnu.encoding=ISO-8859-1");
        }
    }

    @AfterAll
    static void stop() {
        if (cli != null) {
            cli.close();
        }
    }

    private static boolean compileLatin1Locale() throws InterruptedException {
        try {
            Process localedef = new ProcessBuilder("localedef", "-i", "de_DE", "-f", "ISO-8859-1",
                    locales.resolve("de_DE.ISO-8859-1").toString()).redirectErrorStream(true).start();
            localedef.getInputStream().transferTo(OutputStream.nullOutputStream());
            return localedef.waitFor(60, TimeUnit.SECONDS) && localedef.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** One command of a child run: the bytes of its secret variables and its arguments. */
    record Command(byte[] passphrase, byte[] password, List<String> args) {
        static Command of(byte[] passphrase, byte[] password, String... args) {
            return new Command(passphrase, password, List.of(args));
        }
    }

    /** What a child run reported: the JVM's own view of the locale, and each command's exit code and error text. */
    record Run(String encodings, List<Integer> exitCodes, List<String> errors) {
    }

    /**
     * Runs the commands in one child JVM under a locale; the last one may read {@code stdin}.
     *
     * @param locale the environment that selects the locale
     */
    private static Run run(Map<String, String> locale, List<String> jvmOptions, byte[] stdin, Command... commands)
            throws Exception {
        StringBuilder script = new StringBuilder();
        List<String> command = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            Command c = commands[i];
            if (c.passphrase() != null) {
                export(script, "PROBE" + i + "_" + CliEnvironment.PASSPHRASE_ENV, c.passphrase());
            }
            if (c.password() != null) {
                export(script, "PROBE" + i + "_" + CliEnvironment.PASSWORD_ENV, c.password());
            }
            if (i > 0) {
                command.add(";");
            }
            command.addAll(List.of("--data-dir", dir.toString(), "--key-source", "passphrase"));
            command.addAll(c.args());
        }
        script.append("exec \"$PROBE_JAVA\" $PROBE_JVM_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
                + "\"$PROBE_CP\" ").append(LocaleProbeMain.class.getName()).append(" \"$@\"");
        command.addAll(0, List.of("/bin/sh", "-c", script.toString(), "probe"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.equals("LANGUAGE")
                || name.equals("LOCPATH") || name.startsWith("POWERAUTH_TOKEN_") || name.startsWith("JAVA_TOOL")
                || name.startsWith("PROBE"));
        env.putAll(locale);
        env.put("PROBE_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("PROBE_CP", System.getProperty("java.class.path"));
        env.put("PROBE_JVM_OPTIONS", String.join(" ", jvmOptions));
        env.put("PROBE_DATA_DIR", dir.toString());
        Process process = builder.start();
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI process did not end");
        }
        String report = new String(out.get(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(report + new String(err.get(), StandardCharsets.UTF_8)).isZero();
        String encodings = "";
        List<Integer> exitCodes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String line : report.lines().filter(l -> l.startsWith(LocaleProbeMain.PREFIX)).toList()) {
            String[] parts = line.substring(LocaleProbeMain.PREFIX.length()).split(" ", 3);
            if (parts[0].equals("encodings")) {
                encodings = line;
            } else {
                exitCodes.add(Integer.parseInt(parts[1]));
                errors.add(new String(Base64.getDecoder().decode(parts.length > 2 ? parts[2] : ""),
                        StandardCharsets.UTF_8));
            }
        }
        assertThat(exitCodes).hasSize(commands.length);
        return new Run(encodings, exitCodes, errors);
    }

    private static void export(StringBuilder script, String name, byte[] value) {
        script.append(name).append("=\"$(printf '").append(octal(value)).append("')\"; export ").append(name)
                .append("; ");
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String octal(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append('\\').append(Integer.toOctalString(b & 0xff));
        }
        return out.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] line(byte[] bytes) {
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        out[bytes.length] = '\n';
        return out;
    }

    @Test
    void underLcAllCTheSecretsAreStillUtf8() throws Exception {
        Run run = run(Map.of("LC_ALL", "C"), List.of(), line(utf8(PASSPHRASE)),
                Command.of(utf8(PASSPHRASE), utf8(WRONG_PASSWORD),
                        "token", "request", "c-two-factor", "--factors", "possession_knowledge"),
                Command.of(utf8(PASSPHRASE), utf8(PASSWORD),
                        "token", "request", "c-two-factor", "--factors", "possession_knowledge"),
                Command.of(utf8(WRONG_PASSPHRASE), null, "status", "--local"),
                Command.of(new byte[] {(byte) 0xe4, 'x', (byte) 0xff}, null, "status", "--local"),
                Command.of(null, null, "--passphrase-stdin", "status", "--local"));

        assertThat(run.encodings()).contains("sun.jnu.encoding=ANSI_X3.4-1968");
        assertThat(run.exitCodes()).as(run.errors().toString()).containsExactly(ExitCodes.SERVER_REJECTED,
                ExitCodes.OK, ExitCodes.STORAGE, ExitCodes.USAGE, ExitCodes.OK);
        assertThat(run.errors().get(3)).contains("POWERAUTH_TOKEN_PASSPHRASE is not valid UTF-8 text");
    }

    @Test
    void underALatin1LocaleTheSecretsAreStillUtf8() throws Exception {
        Run run = run(latin1Env, latin1JvmOptions, line("\u00e4\u00e4-geheim".getBytes(StandardCharsets.ISO_8859_1)),
                Command.of(utf8(PASSPHRASE), null, "status", "--local"),
                Command.of(utf8(WRONG_PASSPHRASE), null, "status", "--local"),
                Command.of(null, null, "--passphrase-stdin", "status", "--local"));

        assertThat(run.encodings()).contains("ISO-8859-1");
        assertThat(run.exitCodes()).as(run.errors().toString())
                .containsExactly(ExitCodes.OK, ExitCodes.STORAGE, ExitCodes.USAGE);
        assertThat(run.errors().get(2)).contains("the storage passphrase on standard input is not valid UTF-8 text");
    }

    @Test
    void underCUtf8TheSameSecretsWork() throws Exception {
        Run run = run(Map.of("LC_ALL", "C.UTF-8"), List.of(), line(new byte[] {(byte) 0xc3, '(', 'x'}),
                Command.of(utf8(PASSPHRASE), null, "status", "--local"),
                Command.of(null, null, "--passphrase-stdin", "status", "--local"));

        assumeTrue(run.encodings().contains("sun.jnu.encoding=UTF-8"), "C.UTF-8 is not installed here");
        assertThat(run.exitCodes()).as(run.errors().toString()).containsExactly(ExitCodes.OK, ExitCodes.USAGE);
    }
}
