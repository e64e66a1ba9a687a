package org.opentokens.powerauth.token.domain.internal.v4.token;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;

/**
 * A protocol 4.0 {@code X-PowerAuth-Token} header:
 * {@code PowerAuth version="4.0", token_id="…", token_digest="…", nonce="…", timestamp="…"}.
 *
 * <p>{@link #value()} renders the fields in that order (the SDKs' order, version first; the server does not care).
 * The client never reads these headers back; parsing and verifying them is the server's job (the tests' copies live
 * in the domain's test-jar). {@code toString} shows the token ID and timestamp only. Immutable.
 */
public final class V4TokenHeader {
    /** The HTTP header name. */
    public static final String HEADER_NAME = "X-PowerAuth-Token";
    /** Largest timestamp the server accepts: 15 decimal digits. */
    public static final long MAX_TIMESTAMP_MS = 999_999_999_999_999L;

    static final int MIN_TIMESTAMP_DIGITS = 9;
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
     * Wraps fields already read from a header, such as a server-side parser's output; the digest is not checked.
     *
     * @param tokenId the token ID
     * @param digest32 the 32-byte digest; copied
     * @param nonce16 the 16-byte nonce; copied
     * @param timestampMs Unix time in milliseconds, 0 to {@link #MAX_TIMESTAMP_MS}
     * @return the header
     * @throws MalformedDataException if the digest or the nonce has the wrong length or the timestamp is out of range
     */
    public static V4TokenHeader of(TokenId tokenId, byte[] digest32, byte[] nonce16, long timestampMs) {
        Objects.requireNonNull(tokenId, "tokenId");
        if (digest32.length != V4TokenDigest.LENGTH || nonce16.length != V4TokenDigest.NONCE_LENGTH) {
            throw new MalformedDataException("token digest must be 32 bytes and nonce 16 bytes");
        }
        checkTimestamp(timestampMs);
        return new V4TokenHeader(tokenId, digest32.clone(), nonce16.clone(), timestampMs);
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
