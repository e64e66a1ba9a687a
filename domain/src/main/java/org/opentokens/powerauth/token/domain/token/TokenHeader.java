package org.opentokens.powerauth.token.domain.token;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.crypto.B64;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/**
 * An {@code X-PowerAuth-Token} header: protocol version, token ID, 32-byte digest, 16-byte nonce and
 * millisecond timestamp.
 *
 * <p>{@link #value()} renders the fields in the mobile SDK's order, version first. {@link #parse} accepts any
 * field order and validates like the PowerAuth server. {@code toString} shows only the version, token ID and
 * timestamp, never the digest, the nonce or the whole value. Instances are immutable.
 */
public final class TokenHeader {
    /** The HTTP header name. */
    public static final String HEADER_NAME = "X-PowerAuth-Token";
    /** Largest timestamp the server accepts: 15 decimal digits. */
    public static final long MAX_TIMESTAMP_MS = 999_999_999_999_999L;

    private static final int MIN_TIMESTAMP_DIGITS = 9;
    private static final int MAX_TIMESTAMP_DIGITS = 15;
    private static final byte[] VERSION_PREFIX = ascii("PowerAuth version=\"");
    private static final byte[] TOKEN_ID_PREFIX = ascii("\", token_id=\"");
    private static final byte[] DIGEST_PREFIX = ascii("\", token_digest=\"");
    private static final byte[] NONCE_PREFIX = ascii("\", nonce=\"");
    private static final byte[] TIMESTAMP_PREFIX = ascii("\", timestamp=\"");

    private final ProtocolVersion version;
    private final TokenId tokenId;
    private final byte[] digest;
    private final byte[] nonce;
    private final long timestampMs;

    private TokenHeader(ProtocolVersion version, TokenId tokenId, byte[] digest, byte[] nonce, long timestampMs) {
        this.version = version;
        this.tokenId = tokenId;
        this.digest = digest;
        this.nonce = nonce;
        this.timestampMs = timestampMs;
    }

    /**
     * Computes the digest and builds the header a client sends.
     *
     * @param tokenId the token ID
     * @param secret the token secret
     * @param version the protocol version
     * @param nonce16 16 fresh random bytes; copied
     * @param timestampMs Unix time in milliseconds (server-synchronised), 0 to {@link #MAX_TIMESTAMP_MS}
     * @return the header
     * @throws MalformedDataException if the nonce is not 16 bytes or the timestamp is out of range
     * @throws IllegalStateException if the secret was destroyed
     */
    public static TokenHeader generate(TokenId tokenId, TokenSecret secret, ProtocolVersion version,
            byte[] nonce16, long timestampMs) {
        Objects.requireNonNull(tokenId, "tokenId");
        if (timestampMs > MAX_TIMESTAMP_MS) {
            throw new MalformedDataException("token timestamp must have at most 15 decimal digits");
        }
        byte[] digest = TokenDigest.compute(secret, nonce16, timestampMs, version);
        return new TokenHeader(version, tokenId, digest, nonce16.clone(), timestampMs);
    }

    /**
     * Parses and validates a header value as the PowerAuth server does: token ID a UUID, digest Base64 of 32
     * bytes, nonce Base64 of 16 bytes, timestamp 9 to 15 decimal digits, version 3.0 to 3.3. Fields may come in
     * any order, separated by commas and/or spaces. The digest is not checked here; see
     * {@link TokenHeaderVerifier}.
     *
     * @param value the header value, starting with {@code "PowerAuth "}
     * @return the header
     * @throws InvalidTokenHeaderException with reason MALFORMED or UNSUPPORTED_VERSION
     */
    public static TokenHeader parse(String value) {
        Map<String, String> fields = TokenHeaderParser.parse(value);
        TokenId tokenId = parseTokenId(fields.get("token_id"));
        byte[] digest = decode(fields.get("token_digest"), "token_digest", TokenDigest.LENGTH);
        byte[] nonce = decode(fields.get("nonce"), "nonce", TokenDigest.NONCE_LENGTH);
        long timestamp = parseTimestamp(fields.get("timestamp"));
        ProtocolVersion version = parseVersion(fields.get("version"));
        return new TokenHeader(version, tokenId, digest, nonce, timestamp);
    }

    /**
     * Renders the value into one exactly sized buffer (this is the header hot path; no string joining).
     *
     * @return the header value, {@code PowerAuth version="…", token_id="…", token_digest="…", nonce="…", timestamp="…"}
     */
    public String value() {
        String versionText = version.wireValue();
        String id = tokenId.value();
        int timestampDigits = Math.max(MIN_TIMESTAMP_DIGITS, decimalDigits(timestampMs));
        byte[] out = new byte[VERSION_PREFIX.length + versionText.length() + TOKEN_ID_PREFIX.length + id.length()
                + DIGEST_PREFIX.length + B64.encodedLength(digest.length) + NONCE_PREFIX.length
                + B64.encodedLength(nonce.length) + TIMESTAMP_PREFIX.length + timestampDigits + 1];
        int p = put(out, 0, VERSION_PREFIX);
        p = putAscii(out, p, versionText);
        p = put(out, p, TOKEN_ID_PREFIX);
        p = putAscii(out, p, id);
        p = put(out, p, DIGEST_PREFIX);
        p = B64.encodeInto(digest, out, p);
        p = put(out, p, NONCE_PREFIX);
        p = B64.encodeInto(nonce, out, p);
        p = put(out, p, TIMESTAMP_PREFIX);
        p = putTimestamp(out, p, timestampMs, timestampDigits);
        out[p] = '"';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** @return the protocol version */
    public ProtocolVersion version() {
        return version;
    }

    /** @return the token ID */
    public TokenId tokenId() {
        return tokenId;
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

    /** The raw digest, not copied; for verification inside this package. */
    byte[] digestNoCopy() {
        return digest;
    }

    /** The raw nonce, not copied; for verification inside this package. */
    byte[] nonceNoCopy() {
        return nonce;
    }

    @Override
    public String toString() {
        return "TokenHeader[version=" + version.wireValue() + ", tokenId=" + tokenId.value()
                + ", timestampMs=" + timestampMs + "]";
    }

    private static TokenId parseTokenId(String text) {
        if (text == null) {
            throw new InvalidTokenHeaderException(Reason.MALFORMED, "token_id is missing");
        }
        if (!TokenId.isValid(text)) {
            throw new InvalidTokenHeaderException(Reason.MALFORMED,
                    "token_id must be a UUID with version 1-5 and variant 8, 9, a or b");
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
            throw new InvalidTokenHeaderException(Reason.MALFORMED, "timestamp is missing");
        }
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

    private static ProtocolVersion parseVersion(String text) {
        if (text == null) {
            throw new InvalidTokenHeaderException(Reason.MALFORMED, "version is missing");
        }
        for (ProtocolVersion v : ProtocolVersion.values()) {
            if (v.wireValue().equals(text)) {
                return v;
            }
        }
        throw new InvalidTokenHeaderException(Reason.UNSUPPORTED_VERSION,
                "version must be one of 3.0, 3.1, 3.2, 3.3");
    }

    private static int decimalDigits(long value) {
        int digits = 1;
        for (long v = value / 10; v != 0; v /= 10) {
            digits++;
        }
        return digits;
    }

    /** Writes the timestamp as decimal, zero-padded to {@code width} (at least the server's minimum of 9). */
    private static int putTimestamp(byte[] out, int offset, long ts, int width) {
        long v = ts;
        for (int i = offset + width - 1; i >= offset; i--) {
            out[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        return offset + width;
    }

    private static int put(byte[] out, int offset, byte[] text) {
        System.arraycopy(text, 0, out, offset, text.length);
        return offset + text.length;
    }

    /** Copies text known to be ASCII (validated token IDs, version labels). */
    private static int putAscii(byte[] out, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            out[offset + i] = (byte) text.charAt(i);
        }
        return offset + text.length();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
