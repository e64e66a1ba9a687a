package org.opentokens.powerauth.token.domain.v4.token;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opentokens.powerauth.token.domain.crypto.B64;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.token.TokenId;
import org.opentokens.powerauth.token.domain.v4.PowerAuthHeaderFields;
import org.opentokens.powerauth.token.domain.v4.V4Protocol;

/**
 * A protocol 4.0 {@code X-PowerAuth-Token} header:
 * {@code PowerAuth version="4.0", token_id="…", token_digest="…", nonce="…", timestamp="…"}.
 *
 * <p>{@link #value()} renders the fields in that order (the SDKs' order, version first; the server does not care).
 * {@link #parse} accepts any order and validates like Wultra's 2.0.1 header validator: a UUID token ID, a digest that
 * is Base64 of 32 bytes, a nonce that is Base64 of 16 bytes, a timestamp of 9 to 15 decimal digits and version
 * {@code 4.0}. {@code toString} shows the token ID and timestamp only. Immutable.
 */
public final class V4TokenHeader {
    /** The HTTP header name. */
    public static final String HEADER_NAME = "X-PowerAuth-Token";
    /** Largest timestamp the server accepts: 15 decimal digits. */
    public static final long MAX_TIMESTAMP_MS = 999_999_999_999_999L;

    static final int MIN_TIMESTAMP_DIGITS = 9;
    private static final int MAX_TIMESTAMP_DIGITS = 15;
    private static final Set<String> KEYS = Set.of("version", "token_id", "token_digest", "nonce", "timestamp");
    private static final byte[] NONCE_PREFIX = ascii("\", nonce=\"");
    private static final byte[] TIMESTAMP_PREFIX = ascii("\", timestamp=\"");
    /** Length of everything after the per-token prefix except the timestamp digits. */
    private static final int SUFFIX_FIXED = B64.encodedLength(V4TokenDigest.LENGTH) + NONCE_PREFIX.length
            + B64.encodedLength(V4TokenDigest.NONCE_LENGTH) + TIMESTAMP_PREFIX.length + 1;

    private final TokenId tokenId;
    private final byte[] digest;
    private final byte[] nonce;
    private final long timestampMs;

    V4TokenHeader(TokenId tokenId, byte[] digest, byte[] nonce, long timestampMs) {
        this.tokenId = tokenId;
        this.digest = digest;
        this.nonce = nonce;
        this.timestampMs = timestampMs;
    }

    /**
     * Computes the digest and builds the header. To make many headers for one token, keep a
     * {@link V4TokenHeaderGenerator}.
     *
     * @param tokenId the token ID
     * @param secret the token secret
     * @param nonce16 16 fresh random bytes; copied
     * @param timestampMs server-synchronized Unix time in milliseconds, 0 to {@link #MAX_TIMESTAMP_MS}
     * @return the header
     * @throws MalformedDataException if the nonce is not 16 bytes or the timestamp is out of range
     * @throws IllegalStateException if the secret was destroyed
     */
    public static V4TokenHeader generate(TokenId tokenId, V4TokenSecret secret, byte[] nonce16, long timestampMs) {
        Objects.requireNonNull(tokenId, "tokenId");
        checkTimestamp(timestampMs);
        byte[] digest = V4TokenDigest.compute(secret, nonce16, timestampMs);
        return new V4TokenHeader(tokenId, digest, nonce16.clone(), timestampMs);
    }

    /**
     * Parses and validates a header value; the digest is checked by {@link V4TokenHeaderVerifier}.
     *
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
        return new V4TokenHeader(new TokenId(id), digest, nonce, timestamp);
    }

    /** @return the header value, rendered into one exactly sized buffer */
    public String value() {
        return render(V4TokenHeaderGenerator.prefix(tokenId), digest, nonce, timestampMs);
    }

    /** @return the token ID */
    public TokenId tokenId() {
        return tokenId;
    }

    /** @return the protocol version, always {@code "4.0"} */
    public String version() {
        return V4Protocol.VERSION;
    }

    /** @return a copy of the 32-byte digest */
    public byte[] digest() {
        return digest.clone();
    }

    /** @return a copy of the 16-byte nonce */
    public byte[] nonce() {
        return nonce.clone();
    }

    /** @return the timestamp in Unix milliseconds */
    public long timestampMs() {
        return timestampMs;
    }

    byte[] digestNoCopy() {
        return digest;
    }

    byte[] nonceNoCopy() {
        return nonce;
    }

    @Override
    public String toString() {
        return "V4TokenHeader[tokenId=" + tokenId.value() + ", timestampMs=" + timestampMs + "]";
    }

    /** Renders {@code prefix || B64(digest) || ", nonce=\"" || B64(nonce) || ", timestamp=\"" || ts || '"'}. */
    static String render(byte[] prefix, byte[] digest, byte[] nonce, long timestampMs) {
        int width = Math.max(MIN_TIMESTAMP_DIGITS, V4TokenDigest.decimalDigits(timestampMs));
        byte[] out = new byte[prefix.length + SUFFIX_FIXED + width];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        int p = B64.encodeInto(digest, out, prefix.length);
        System.arraycopy(NONCE_PREFIX, 0, out, p, NONCE_PREFIX.length);
        p = B64.encodeInto(nonce, out, p + NONCE_PREFIX.length);
        System.arraycopy(TIMESTAMP_PREFIX, 0, out, p, TIMESTAMP_PREFIX.length);
        p = V4TokenDigest.putDecimal(out, p + TIMESTAMP_PREFIX.length, timestampMs, width);
        out[p] = '"';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    static void checkTimestamp(long timestampMs) {
        if (timestampMs < 0 || timestampMs > MAX_TIMESTAMP_MS) {
            throw new MalformedDataException("token timestamp must be 0 to 15 decimal digits of milliseconds");
        }
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
