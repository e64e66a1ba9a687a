package org.opentokens.powerauth.token.domain.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;

/**
 * Reads an {@code X-PowerAuth-Authorization} header value as the PowerAuth server does. Server-side work, so it
 * lives in the domain's test-jar: the tests and benchmarks use it to check what the client signs.
 *
 * <p>Pairs {@code key="value"} may come in any order, separated by any run of commas and whitespace; unknown keys
 * are ignored, a repeated key is rejected. The values are then checked by {@link AuthorizationHeader#fromFields}.
 */
public final class AuthorizationHeaderParser {
    private static final String PREFIX = "PowerAuth";
    private static final String HEADER_NAME = AuthorizationHeader.HEADER_NAME;

    private AuthorizationHeaderParser() {
    }

    /**
     * @param headerValue the header value, starting with {@code PowerAuth}
     * @return the header
     * @throws MalformedDataException if the value is not a well-formed, valid signature header; the message never
     *     contains the value
     */
    public static AuthorizationHeader parse(String headerValue) {
        Objects.requireNonNull(headerValue, "headerValue");
        String text = headerValue.trim();
        if (!text.startsWith(PREFIX) || text.length() == PREFIX.length()
                || !Character.isWhitespace(text.charAt(PREFIX.length()))) {
            throw new MalformedDataException(HEADER_NAME + " must start with \"PowerAuth \"");
        }
        Map<String, String> fields = parsePairs(text.substring(PREFIX.length()));
        ProtocolVersion version = ProtocolVersion.fromWireValue(require(fields, "pa_version"));
        String activationId = require(fields, "pa_activation_id");
        String applicationKey = require(fields, "pa_application_key");
        String nonce = require(fields, "pa_nonce");
        PowerAuthSignatureType type = PowerAuthSignatureType.fromWireValue(require(fields, "pa_signature_type"));
        String signature = require(fields, "pa_signature");
        return AuthorizationHeader.fromFields(version, activationId, applicationKey, nonce, type, signature);
    }

    /**
     * Reads {@code key="value"} pairs separated by any run of commas and whitespace, in one pass: linear in the
     * length of the text whatever it holds (a regex search here took quadratic time on long runs of word
     * characters).
     */
    private static Map<String, String> parsePairs(String text) {
        Map<String, String> fields = new HashMap<>();
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && isSeparator(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return fields;
            }
            int keyStart = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            if (i == keyStart || i + 1 >= n || text.charAt(i) != '=' || text.charAt(i + 1) != '"') {
                throw notPairs();
            }
            String key = text.substring(keyStart, i);
            int close = text.indexOf('"', i + 2);
            if (close < 0) {
                throw notPairs();
            }
            if (fields.put(key, text.substring(i + 2, close)) != null) {
                throw new MalformedDataException(HEADER_NAME + " repeats a field");
            }
            i = close + 1;
        }
    }

    private static MalformedDataException notPairs() {
        return new MalformedDataException(HEADER_NAME + " is not a list of key=\"value\" pairs");
    }

    /** The characters of the regex classes {@code [\s,]}. */
    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The characters of the regex class {@code \w}. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static String require(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedDataException(HEADER_NAME + " lacks " + name);
        }
        return value;
    }
}
