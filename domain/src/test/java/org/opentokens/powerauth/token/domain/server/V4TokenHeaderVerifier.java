package org.opentokens.powerauth.token.domain.server;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenDigest;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenHeader;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenSecret;

/**
 * Checks a parsed 4.0 token header as PowerAuth Server 2.0 does: the expected token, a timestamp within
 * {@code ±window} of server time (default 60 s, {@code powerauth.service.crypto.requestExpirationInMilliseconds}), and
 * the digest (constant-time). Replay protection (remembering {@code nonce || tokenId}) is stateful and lives with the
 * caller. It lives in the domain's test-jar: the client never verifies its own headers, the tests do. Immutable and
 * thread-safe.
 */
public final class V4TokenHeaderVerifier {
    /** Server 2.0's default request expiration, in both directions. */
    public static final long DEFAULT_WINDOW_MS = 60_000L;

    private final long windowMs;

    /** A verifier with the default ±60 s window. */
    public V4TokenHeaderVerifier() {
        this(DEFAULT_WINDOW_MS);
    }

    /** @param windowMs how far the timestamp may be from server time, either way; not negative */
    public V4TokenHeaderVerifier(long windowMs) {
        if (windowMs < 0) {
            throw new IllegalArgumentException("window must not be negative");
        }
        this.windowMs = windowMs;
    }

    /**
     * @param header the parsed header
     * @param expectedId the token the header must name
     * @param secret that token's secret
     * @param serverNowMs server time in Unix milliseconds
     * @throws InvalidTokenHeaderException with reason TOKEN_ID_MISMATCH, TIMESTAMP_TOO_OLD, TIMESTAMP_IN_FUTURE or
     *     DIGEST_MISMATCH
     * @throws IllegalArgumentException if {@code serverNowMs} is negative
     */
    public void verify(V4TokenHeader header, TokenId expectedId, V4TokenSecret secret, long serverNowMs) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(expectedId, "expectedId");
        Objects.requireNonNull(secret, "secret");
        if (serverNowMs < 0) {
            throw new IllegalArgumentException("server time must not be negative");
        }
        if (!header.tokenId().equals(expectedId)) {
            throw new InvalidTokenHeaderException(Reason.TOKEN_ID_MISMATCH, "token header names another token");
        }
        long age = serverNowMs - header.timestampMs();
        if (age > windowMs) {
            throw new InvalidTokenHeaderException(Reason.TIMESTAMP_TOO_OLD,
                    "token header timestamp is older than " + windowMs + " ms");
        }
        if (-age > windowMs) {
            throw new InvalidTokenHeaderException(Reason.TIMESTAMP_IN_FUTURE,
                    "token header timestamp is more than " + windowMs + " ms ahead");
        }
        if (!digestMatches(header, secret)) {
            throw new InvalidTokenHeaderException(Reason.DIGEST_MISMATCH, "token digest does not match");
        }
    }

    /** Recomputes the digest and compares it with the header's in constant time. */
    private static boolean digestMatches(V4TokenHeader header, V4TokenSecret secret) {
        byte[] expected = V4TokenDigest.compute(secret, header.nonce(), header.timestampMs());
        byte[] candidate = header.digest();
        try {
            return Bytes.constantTimeEquals(expected, candidate);
        } finally {
            Bytes.wipe(expected);
            Bytes.wipe(candidate);
        }
    }

    /** @return the accepted distance from server time, in milliseconds */
    public long windowMs() {
        return windowMs;
    }

    @Override
    public String toString() {
        return "V4TokenHeaderVerifier[window=" + windowMs + " ms]";
    }
}
