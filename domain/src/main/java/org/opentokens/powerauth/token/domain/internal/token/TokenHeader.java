package org.opentokens.powerauth.token.domain.internal.token;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;

/**
 * An {@code X-PowerAuth-Token} header: protocol version, token ID, 32-byte digest, 16-byte nonce and
 * millisecond timestamp.
 *
 * <p>{@link #value()} renders the fields in the mobile SDK's order, version first. The client never reads these
 * headers back; parsing and verifying them is the server's job (the tests' copies live in the domain's test-jar).
 * {@code toString} shows only the version, token ID and timestamp, never the digest, the nonce or the whole
 * value. Instances are immutable.
 */
public final class TokenHeader {
    /** The HTTP header name. */
    public static final String HEADER_NAME = "X-PowerAuth-Token";
    /** Largest timestamp the server accepts: 15 decimal digits. */
    public static final long MAX_TIMESTAMP_MS = 999_999_999_999_999L;

    private static final int MIN_TIMESTAMP_DIGITS = 9;
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
     * Wraps fields already read from a header, such as a server-side parser's output; the digest is not checked.
     *
     * @param version the protocol version
     * @param tokenId the token ID
     * @param digest32 the 32-byte digest; copied
     * @param nonce16 the 16-byte nonce; copied
     * @param timestampMs Unix time in milliseconds, 0 to {@link #MAX_TIMESTAMP_MS}
     * @return the header
     * @throws MalformedDataException if the digest or the nonce has the wrong length or the timestamp is out of range
     */
    public static TokenHeader of(ProtocolVersion version, TokenId tokenId, byte[] digest32, byte[] nonce16,
            long timestampMs) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tokenId, "tokenId");
        if (digest32.length != TokenDigest.LENGTH || nonce16.length != TokenDigest.NONCE_LENGTH) {
            throw new MalformedDataException("token digest must be 32 bytes and nonce 16 bytes");
        }
        if (timestampMs < 0 || timestampMs > MAX_TIMESTAMP_MS) {
            throw new MalformedDataException("token timestamp must be 0 to 15 decimal digits of milliseconds");
        }
        return new TokenHeader(version, tokenId, digest32.clone(), nonce16.clone(), timestampMs);
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

    @Override
    public String toString() {
        return "TokenHeader[version=" + version.wireValue() + ", tokenId=" + tokenId.value()
                + ", timestampMs=" + timestampMs + "]";
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
