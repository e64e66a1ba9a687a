package org.opentokens.powerauth.token.domain.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * Splits a protocol 4.0 PowerAuth header value ({@code X-PowerAuth-Token}, {@code X-PowerAuth-Authorization},
 * {@code X-PowerAuth-Encryption}) into its {@code key="value"} fields.
 *
 * <p>Grammar: after trimming, the value starts with {@code "PowerAuth"} and whitespace; then come pairs
 * {@code key="value"} or {@code key=value} separated by any mix of commas and whitespace. A key is a run of letters,
 * digits and underscores; a quoted value runs to the next double quote, an unquoted one to the next whitespace or
 * comma. A repeated key, a key without {@code =} or an unclosed quote is rejected; unknown keys are kept (callers
 * ignore them). One pass, linear in the length of the value. Error messages name only known keys, never values.
 * Used by the 4.0 header parsers of this package, which read headers as the server does.
 */
final class PowerAuthHeaderFields {
    private static final String PREFIX = "PowerAuth";

    private PowerAuthHeaderFields() {
    }

    /**
     * @param headerValue the header value
     * @param knownKeys the keys the caller reads (used only to decide which key names may appear in messages)
     * @param error builds the caller's typed exception from a message
     * @return the fields by key
     * @throws MalformedDataException (as built by {@code error}) if the value does not follow the grammar
     */
    static Map<String, String> parse(String headerValue, Set<String> knownKeys,
            Function<String, ? extends MalformedDataException> error) {
        if (headerValue == null) {
            throw error.apply("header is missing");
        }
        String s = headerValue.trim();
        if (!s.startsWith(PREFIX) || s.length() == PREFIX.length() || !isSpace(s.charAt(PREFIX.length()))) {
            throw error.apply("header must start with \"PowerAuth \"");
        }
        Map<String, String> fields = new HashMap<>();
        int n = s.length();
        int i = PREFIX.length();
        while (true) {
            while (i < n && isSeparator(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return fields;
            }
            int keyStart = i;
            while (i < n && isWordChar(s.charAt(i))) {
                i++;
            }
            if (i == keyStart || i >= n || s.charAt(i) != '=') {
                throw error.apply("header must consist of key=\"value\" pairs");
            }
            String key = s.substring(keyStart, i);
            String shownKey = knownKeys.contains(key) ? key : "(unknown)";
            i++;
            String value;
            if (i < n && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw error.apply("header field " + shownKey + " has no closing quote");
                }
                value = s.substring(i + 1, close);
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !isSeparator(s.charAt(i))) {
                    i++;
                }
                value = s.substring(start, i);
            }
            if (fields.put(key, value) != null) {
                throw error.apply("header repeats field " + shownKey);
            }
        }
    }

    private static boolean isSeparator(char c) {
        return c == ',' || isSpace(c);
    }

    /** The characters of the regex class {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The characters of the regex class {@code \w}. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
