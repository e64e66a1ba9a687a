package org.opentokens.powerauth.token.domain.server;

import java.util.Map;
import java.util.Set;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenDigest;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenHeader;

/**
 * Reads a protocol 4.0 {@code X-PowerAuth-Token} header value as PowerAuth Server 2.0 does. Server-side work, so it
 * lives in the domain's test-jar: the tests use it to check what the client sends.
 *
 * <p>Fields may come in any order ({@link PowerAuthHeaderFields} gives the grammar) and are validated like Wultra's
 * 2.0.1 header validator: a UUID token ID, a digest that is Base64 of 32 bytes, a nonce that is Base64 of 16 bytes, a
 * timestamp of 9 to 15 decimal digits and version {@code 4.0}. The digest is checked by
 * {@link V4TokenHeaderVerifier}.
 */
public final class V4TokenHeaderParser {
    private static final int MIN_TIMESTAMP_DIGITS = 9;
    private static final int MAX_TIMESTAMP_DIGITS = 15;
    private static final Set<String> KEYS = Set.of("version", "token_id", "token_digest", "nonce", "timestamp");

    private V4TokenHeaderParser() {
    }

    /**
     * @param value the header value
     * @return the header
     * @throws InvalidTokenHeaderException with reason MALFORMED, or UNSUPPORTED_VERSION when the version is not 4.0
     */
    public static V4TokenHeader parse(String value) {
        Map<String, String> fields = PowerAuthHeaderFields.parse(value, KEYS,
                message -> new InvalidTokenHeaderException(Reason.MALFORMED, "token " + message));
        String version = require(fields, "version");
        if (!V4Protocol.VERSION.equals(version)) {
            throw new InvalidTokenHeaderException(Reason.UNSUPPORTED_VERSION, "token header version must be 4.0");
        }
        String id = require(fields, "token_id");
        if (!TokenId.isValid(id)) {
            throw new InvalidTokenHeaderException(Reason.MALFORMED,
                    "token_id must be a UUID with version 1-5 and variant 8, 9, a or b");
        }
        byte[] digest = decode(require(fields, "token_digest"), "token_digest", V4TokenDigest.LENGTH);
        byte[] nonce = decode(require(fields, "nonce"), "nonce", V4TokenDigest.NONCE_LENGTH);
        long timestamp = parseTimestamp(require(fields, "timestamp"));
        return V4TokenHeader.of(new TokenId(id), digest, nonce, timestamp);
    }

    private static String require(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new InvalidTokenHeaderException(Reason.MALFORMED, key + " is missing");
        }
        return value;
    }

    private static byte[] decode(String text, String field, int length) {
        try {
            return B64.decode(text, field, length);
        } catch (MalformedDataException e) {
            throw new InvalidTokenHeaderException(Reason.MALFORMED, e.getMessage(), e);
        }
    }

    private static long parseTimestamp(String text) {
        int len = text.length();
        if (len < MIN_TIMESTAMP_DIGITS || len > MAX_TIMESTAMP_DIGITS) {
            throw new InvalidTokenHeaderException(Reason.MALFORMED, "timestamp must have 9 to 15 decimal digits");
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidTokenHeaderException(Reason.MALFORMED, "timestamp must be decimal digits only");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
