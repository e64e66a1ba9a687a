package org.opentokens.powerauth.token.domain.server;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.token.TokenDigest;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;

/**
 * The server-side check of an {@code X-PowerAuth-Token} header: accepted version, expected token ID,
 * timestamp window and digest (compared in constant time). It lives in the domain's test-jar: the client never
 * verifies its own headers, the tests and benchmarks do.
 *
 * <p>A header passes when {@code serverNow - pastValidity <= timestamp <= serverNow + futureValidity}; the
 * defaults are the PowerAuth server's (two hours back, thirty minutes ahead). Replay protection, remembering
 * each nonce per token, is stateful and is the caller's job. Instances are immutable and thread-safe.
 */
public final class TokenHeaderVerifier {
    /** Default past window in milliseconds (2 hours), as the PowerAuth server. */
    public static final long DEFAULT_PAST_VALIDITY_MS = 7_200_000L;
    /** Default future window in milliseconds (30 minutes), as the PowerAuth server. */
    public static final long DEFAULT_FUTURE_VALIDITY_MS = 1_800_000L;

    private final long pastValidityMs;
    private final long futureValidityMs;
    private final Set<ProtocolVersion> acceptedVersions;

    /** Creates a verifier with the server's default windows, accepting versions 3.0 to 3.3. */
    public TokenHeaderVerifier() {
        this(DEFAULT_PAST_VALIDITY_MS, DEFAULT_FUTURE_VALIDITY_MS);
    }

    /**
     * Creates a verifier accepting versions 3.0 to 3.3.
     *
     * @param pastValidityMs how old a timestamp may be, in milliseconds, not negative
     * @param futureValidityMs how far ahead a timestamp may be, in milliseconds, not negative
     * @throws IllegalArgumentException if a window is negative
     */
    public TokenHeaderVerifier(long pastValidityMs, long futureValidityMs) {
        this(pastValidityMs, futureValidityMs, EnumSet.allOf(ProtocolVersion.class));
    }

    /**
     * @param pastValidityMs how old a timestamp may be, in milliseconds, not negative
     * @param futureValidityMs how far ahead a timestamp may be, in milliseconds, not negative
     * @param acceptedVersions the protocol versions to accept, not empty
     * @throws IllegalArgumentException if a window is negative or no version is accepted
     */
    public TokenHeaderVerifier(long pastValidityMs, long futureValidityMs, Set<ProtocolVersion> acceptedVersions) {
        if (pastValidityMs < 0 || futureValidityMs < 0) {
            throw new IllegalArgumentException("validity windows must not be negative");
        }
        Objects.requireNonNull(acceptedVersions, "acceptedVersions");
        if (acceptedVersions.isEmpty()) {
            throw new IllegalArgumentException("at least one protocol version must be accepted");
        }
        this.pastValidityMs = pastValidityMs;
        this.futureValidityMs = futureValidityMs;
        this.acceptedVersions = Collections.unmodifiableSet(EnumSet.copyOf(acceptedVersions));
    }

    /**
     * Checks a parsed header against the token it claims to be from.
     *
     * @param header the parsed header
     * @param expectedId the ID of the token whose secret is given
     * @param secret that token's secret
     * @param serverNowMs the verifier's current Unix time in milliseconds, not negative
     * @throws InvalidTokenHeaderException with reason UNSUPPORTED_VERSION, TOKEN_ID_MISMATCH,
     *     TIMESTAMP_TOO_OLD, TIMESTAMP_IN_FUTURE or DIGEST_MISMATCH
     * @throws IllegalArgumentException if {@code serverNowMs} is negative
     * @throws IllegalStateException if the secret was destroyed
     */
    public void verify(TokenHeader header, TokenId expectedId, TokenSecret secret, long serverNowMs) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(expectedId, "expectedId");
        Objects.requireNonNull(secret, "secret");
        if (serverNowMs < 0) {
            throw new IllegalArgumentException("server time must not be negative");
        }
        if (!acceptedVersions.contains(header.version())) {
            throw new InvalidTokenHeaderException(Reason.UNSUPPORTED_VERSION,
                    "token header version is not accepted here");
        }
        if (!header.tokenId().equals(expectedId)) {
            throw new InvalidTokenHeaderException(Reason.TOKEN_ID_MISMATCH,
                    "token header names another token than expected");
        }
        // Both values are in [0, Long.MAX_VALUE], so the difference cannot overflow.
        long age = serverNowMs - header.timestampMs();
        if (age > pastValidityMs) {
            throw new InvalidTokenHeaderException(Reason.TIMESTAMP_TOO_OLD,
                    "token header timestamp is older than " + pastValidityMs + " ms");
        }
        if (-age > futureValidityMs) {
            throw new InvalidTokenHeaderException(Reason.TIMESTAMP_IN_FUTURE,
                    "token header timestamp is more than " + futureValidityMs + " ms ahead");
        }
        if (!digestMatches(header, secret)) {
            throw new InvalidTokenHeaderException(Reason.DIGEST_MISMATCH, "token digest does not match");
        }
    }

    /** Recomputes the digest and compares it with the header's in constant time. */
    private static boolean digestMatches(TokenHeader header, TokenSecret secret) {
        byte[] expected = TokenDigest.compute(secret, header.nonce(), header.timestampMs(), header.version());
        byte[] candidate = header.digest();
        try {
            return Bytes.constantTimeEquals(expected, candidate);
        } finally {
            Bytes.wipe(expected);
            Bytes.wipe(candidate);
        }
    }

    /** @return how old a timestamp may be, in milliseconds */
    public long pastValidityMs() {
        return pastValidityMs;
    }

    /** @return how far ahead a timestamp may be, in milliseconds */
    public long futureValidityMs() {
        return futureValidityMs;
    }

    /** @return the accepted protocol versions, unmodifiable */
    public Set<ProtocolVersion> acceptedVersions() {
        return acceptedVersions;
    }

    @Override
    public String toString() {
        return "TokenHeaderVerifier[past=" + pastValidityMs + " ms, future=" + futureValidityMs
                + " ms, versions=" + acceptedVersions + "]";
    }
}
