package org.opentokens.powerauth.token.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets from environment variables, read as UTF-8 whatever the locale. The JDK decodes the environment with the
 * locale's character set, so under {@code LC_ALL=C} every non-ASCII character becomes U+FFFD and different
 * passphrases look the same. On Linux the variable's bytes are read from {@code /proc/self/environ} instead; where
 * that does not exist, the JDK's string is used only if it cannot have been damaged (a UTF-8 locale, or only ASCII).
 */
interface SecretEnvironment {
    /**
     * @param name the variable
     * @return its value as NFC text, which the caller wipes; empty if it is not set
     * @throws CliException ({@link ExitCodes#USAGE}) if the value cannot be read as UTF-8
     */
    Optional<char[]> read(String name);

    /** @return the variables of a map, as a test gives them (already text) */
    static SecretEnvironment of(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return name -> Optional.ofNullable(copy.get(name))
                .map(value -> SecretText.normalized(value.toCharArray(), describe(name)));
    }

    /** @return this process's environment */
    static SecretEnvironment system() {
        Path environ = Path.of("/proc/self/environ");
        if (Files.isReadable(environ)) {
            return name -> fromProc(environ, name);
        }
        String encoding = System.getProperty("sun.jnu.encoding", "");
        boolean utf8 = encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8")
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return name -> Optional.ofNullable(System.getenv(name)).map(value -> {
            char[] chars = value.toCharArray();
            if (!utf8 && !value.chars().allMatch(c -> c < 0x80)) {
                Arrays.fill(chars, '\0');
                throw new CliException(ExitCodes.USAGE, "$" + name + " holds non-ASCII text, which this system's "
                        + "locale (" + encoding + ") cannot pass on as UTF-8; use a UTF-8 locale, or give it on "
                        + "standard input");
            }
            return SecretText.normalized(chars, describe(name));
        });
    }

    private static Optional<char[]> fromProc(Path environ, String name) {
        byte[] all;
        try {
            all = Files.readAllBytes(environ);
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv(name)).map(v -> SecretText.normalized(v.toCharArray(),
                    describe(name)));
        }
        try {
            byte[] prefix = (name + "=").getBytes(StandardCharsets.US_ASCII);
            int start = 0;
            while (start < all.length) {
                int end = start;
                while (end < all.length && all[end] != 0) {
                    end++;
                }
                if (end - start >= prefix.length
                        && Arrays.equals(all, start, start + prefix.length, prefix, 0, prefix.length)) {
                    byte[] value = Arrays.copyOfRange(all, start + prefix.length, end);
                    try {
                        return Optional.of(SecretText.fromUtf8(value, value.length, describe(name)));
                    } finally {
                        Arrays.fill(value, (byte) 0);
                    }
                }
                start = end + 1;
            }
            return Optional.empty();
        } finally {
            Arrays.fill(all, (byte) 0);
        }
    }

    private static String describe(String name) {
        return "$" + name;
    }
}
