package org.opentokens.powerauth.token.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The CLI as a child process of {@link CliLocaleTest}: the process's own standard input, environment (read by
 * {@link SecretEnvironment#system()}, that is from {@code /proc/self/environ} on Linux) and locale, but the store in
 * {@code $PROBE_DATA_DIR}, no terminal, and the lowest PBKDF2 cost the store accepts.
 *
 * <p>To start one JVM per locale rather than one per command, the arguments hold several commands separated by
 * {@code ;}. Command {@code i} sees the variable {@code PROBE<i>_<NAME>} as {@code NAME}. Prints the JVM's own view
 * of the locale, then one line per command: {@code [probe] <i> <exit code> <Base64 of its standard error>}.
 */
final class LocaleProbeMain {
    static final String PREFIX = "[probe] ";

    private LocaleProbeMain() {
    }

    public static void main(String[] args) {
        System.out.println(PREFIX + "encodings sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding")
                + " file.encoding=" + System.getProperty("file.encoding"));
        SecretEnvironment system = SecretEnvironment.system();
        List<List<String>> commands = new ArrayList<>(List.of(new ArrayList<>()));
        for (String arg : args) {
            if (arg.equals(";")) {
                commands.add(new ArrayList<>());
            } else {
                commands.get(commands.size() - 1).add(arg);
            }
        }
        for (int i = 0; i < commands.size(); i++) {
            String prefix = "PROBE" + i + "_";
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliEnvironment env = new CliEnvironment(System.in, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), System.getenv(),
                    name -> system.read(prefix + name), Optional.empty(), Path.of(System.getenv("PROBE_DATA_DIR")),
                    100_000, 10, StoreOpener.KEYCHAIN_SERVICE + "-test");
            int exit = PowerAuthTokenCli.run(env, commands.get(i).toArray(String[]::new));
            System.out.println(PREFIX + i + " " + exit + " " + Base64.getEncoder().encodeToString(err.toByteArray()));
        }
        System.out.flush();
        System.exit(Arrays.asList(args).isEmpty() ? 2 : 0);
    }
}
