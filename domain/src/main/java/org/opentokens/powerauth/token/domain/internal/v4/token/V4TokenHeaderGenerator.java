package org.opentokens.powerauth.token.domain.internal.v4.token;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;

/**
 * Makes {@code X-PowerAuth-Token} 4.0 headers for one token. Everything that does not change between headers is
 * prepared once: the KMAC256 state keyed with the token secret (held by the {@link V4TokenSecret}) and the rendered
 * {@code PowerAuth version="4.0", token_id="…", token_digest="} prefix. Each header then costs one copy of the keyed
 * sponge, one Keccak permutation, two Base64 encodings and one buffer.
 *
 * <p>Thread-safe. Destroying the secret makes later calls throw {@link IllegalStateException}.
 */
public final class V4TokenHeaderGenerator {
    private final TokenId tokenId;
    private final V4TokenSecret secret;
    private final byte[] prefix;

    /**
     * @param tokenId the token ID
     * @param secret the token secret (shared, not copied: destroy it when the token is gone)
     */
    public V4TokenHeaderGenerator(TokenId tokenId, V4TokenSecret secret) {
        this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.prefix = prefix(tokenId);
        secret.digestKey();
    }

    /**
     * @param nonce16 16 fresh random bytes (never reused: the server rejects a repeated nonce)
     * @param timestampMs server-synchronized Unix time in milliseconds
     * @return the header value
     * @throws MalformedDataException if the nonce is not 16 bytes or the timestamp is out of range
     * @throws IllegalStateException if the secret was destroyed
     */
    public String headerValue(byte[] nonce16, long timestampMs) {
        V4TokenHeader.checkTimestamp(timestampMs);
        byte[] digest = new byte[V4TokenDigest.LENGTH];
        V4TokenDigest.computeInto(secret, nonce16, timestampMs, digest);
        try {
            return V4TokenHeader.render(prefix, digest, nonce16, timestampMs);
        } finally {
            Bytes.wipe(digest);
        }
    }

    /**
     * @param nonce16 16 fresh random bytes; copied
     * @param timestampMs server-synchronized Unix time in milliseconds
     * @return the header as an object
     */
    public V4TokenHeader header(byte[] nonce16, long timestampMs) {
        V4TokenHeader.checkTimestamp(timestampMs);
        byte[] digest = new byte[V4TokenDigest.LENGTH];
        V4TokenDigest.computeInto(secret, nonce16, timestampMs, digest);
        return new V4TokenHeader(tokenId, digest, nonce16.clone(), timestampMs);
    }

    /** @return the token ID */
    public TokenId tokenId() {
        return tokenId;
    }

    @Override
    public String toString() {
        return "V4TokenHeaderGenerator[tokenId=" + tokenId.value() + "]";
    }

    static byte[] prefix(TokenId tokenId) {
        return ("PowerAuth version=\"4.0\", token_id=\"" + tokenId.value() + "\", token_digest=\"")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
