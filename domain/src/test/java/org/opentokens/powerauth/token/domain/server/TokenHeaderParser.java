package org.opentokens.powerauth.token.domain.server;

import java.util.HashMap;
import java.util.Map;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.token.TokenDigest;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;

/**
 * Reads an {@code X-PowerAuth-Token} header value as the PowerAuth server does. Server-side work, so it lives in
 * the domain's test-jar: the tests and benchmarks use it to check what the client sends.
 *
 * <p>Grammar, as lenient as the server's parser for well-formed input: after trimming, the value starts
 * with {@code "PowerAuth "}; then come pairs {@code key=value} separated by any mix of commas and
 * whitespace (or nothing). A key is a run of letters, digits and underscores. A quoted value runs to the
 * next double quote; an unquoted value runs to the next whitespace. A repeated key keeps its last value,
 * unknown keys and empty unknown values are ignored. Anything else, such as a key without {@code =}, is rejected.
 * The fields are then validated: token ID a UUID, digest Base64 of 32 bytes, nonce Base64 of 16 bytes, timestamp
 * 9 to 15 decimal digits, version 3.0 to 3.3. The digest is checked by {@link TokenHeaderVerifier}.
 */
public final class TokenHeaderParser {
    static final String PREFIX = "PowerAuth ";
    private static final int MIN_TIMESTAMP_DIGITS = 9;
    private static final int MAX_TIMESTAMP_DIGITS = 15;

    private TokenHeaderParser() {
    }

    /**
     * Parses and validates a header value. Fields may come in any order.
     *
     * @param value the header value, starting with {@code "PowerAuth "}
     * @return the header
     * @throws InvalidTokenHeaderException with reason MALFORMED or UNSUPPORTED_VERSION
     */
    public static TokenHeader parse(String value) {
        Map<String, String> fields = fields(value);
        TokenId tokenId = parseTokenId(fields.get("token_id"));
        byte[] digest = decode(fields.get("token_digest"), "token_digest", TokenDigest.LENGTH);
        byte[] nonce = decode(fields.get("nonce"), "nonce", TokenDigest.NONCE_LENGTH);
        long timestamp = parseTimestamp(fields.get("timestamp"));
        ProtocolVersion version = parseVersion(fields.get("version"));
        return TokenHeader.of(version, tokenId, digest, nonce, timestamp);
    }

    /**
     * @param headerValue the header value
     * @return the fields by key
     * @throws InvalidTokenHeaderException with reason MALFORMED if the value does not follow the grammar
     */
    static Map<String, String> fields(String headerValue) {
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

    private static TokenId parseTokenId(String text) {
        if (text == null) {
            throw malformed("token_id is missing");
        }
        if (!TokenId.isValid(text)) {
            throw malformed("token_id must be a UUID with version 1-5 and variant 8, 9, a or b");
        }
        return new TokenId(text);
    }

    private static byte[] decode(String text, String field, int length) {
        try {
            return B64.decode(text, field, length);
        } catch (MalformedDataException e) {
            throw new InvalidTokenHeaderException(Reason.MALFORMED, e.getMessage(), e);
        }
    }

    private static long parseTimestamp(String text) {
        if (text == null) {
            throw malformed("timestamp is missing");
        }
        int len = text.length();
        if (len < MIN_TIMESTAMP_DIGITS || len > MAX_TIMESTAMP_DIGITS) {
            throw malformed("timestamp must have 9 to 15 decimal digits");
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("timestamp must be decimal digits only");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static ProtocolVersion parseVersion(String text) {
        if (text == null) {
            throw malformed("version is missing");
        }
        for (ProtocolVersion v : ProtocolVersion.values()) {
            if (v.wireValue().equals(text)) {
                return v;
            }
        }
        throw new InvalidTokenHeaderException(Reason.UNSUPPORTED_VERSION,
                "version must be one of 3.0, 3.1, 3.2, 3.3");
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
