package org.opentokens.powerauth.token.domain.token;

import java.util.HashMap;
import java.util.Map;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;

/**
 * Splits a PowerAuth header value into its {@code key="value"} fields.
 *
 * <p>Grammar, as lenient as the server's parser for well-formed input: after trimming, the value starts
 * with {@code "PowerAuth "}; then come pairs {@code key=value} separated by any mix of commas and
 * whitespace (or nothing). A key is a run of letters, digits and underscores. A quoted value runs to the
 * next double quote; an unquoted value runs to the next whitespace. A repeated key keeps its last value,
 * unknown keys and empty unknown values are ignored. Anything else, such as a key without {@code =}, is rejected.
 */
final class TokenHeaderParser {
    static final String PREFIX = "PowerAuth ";

    private TokenHeaderParser() {
    }

    /**
     * @param headerValue the header value
     * @return the fields by key
     * @throws InvalidTokenHeaderException with reason MALFORMED if the value does not follow the grammar
     */
    static Map<String, String> parse(String headerValue) {
        if (headerValue == null) {
            throw malformed("token header is missing");
        }
        String s = headerValue.trim();
        if (!s.startsWith(PREFIX)) {
            throw malformed("token header must start with \"PowerAuth \"");
        }
        Map<String, String> fields = new HashMap<>();
        int i = PREFIX.length();
        int n = s.length();
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
                throw malformed("token header must consist of key=\"value\" pairs");
            }
            String key = s.substring(keyStart, i);
            i++;
            String value;
            if (i < n && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw malformed("token header field " + safeKey(key) + " has no closing quote");
                }
                value = s.substring(i + 1, close);
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !isSpace(s.charAt(i))) {
                    i++;
                }
                value = s.substring(start, i);
            }
            if (value.isEmpty()) {
                if (isKnown(key)) {
                    throw malformed("token header field " + key + " is empty");
                }
                continue;
            }
            fields.put(key, value);
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

    private static boolean isKnown(String key) {
        switch (key) {
            case "version", "token_id", "token_digest", "nonce", "timestamp":
                return true;
            default:
                return false;
        }
    }

    /** Keys are attacker-controlled too; only echo the ones we know. */
    private static String safeKey(String key) {
        return isKnown(key) ? key : "(unknown)";
    }

    private static InvalidTokenHeaderException malformed(String message) {
        return new InvalidTokenHeaderException(Reason.MALFORMED, message);
    }
}
