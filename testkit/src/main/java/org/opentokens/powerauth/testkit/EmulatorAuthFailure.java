package org.opentokens.powerauth.testkit;

import java.util.Optional;

/**
 * Why the emulator refused a token or signature check. A real deployment answers every one of these with the
 * same HTTP 401 body ({@code ERR_AUTHENTICATION}, {@code POWER_AUTH_SIGNATURE_INVALID}) and keeps the reason in
 * its server log; the emulator does the same and keeps the reason in {@link EmulatorExchange#reason()} (and in the
 * admin API's {@code GET /admin/exchanges}), so that tests can still assert it.
 */
public enum EmulatorAuthFailure {
    /** No {@code X-PowerAuth-Token} or {@code X-PowerAuth-Authorization} header. */
    HEADER_MISSING(null),
    /** The header does not parse, or fails Wultra's header validator. */
    HEADER_MALFORMED(null),
    /** The token ID is unknown (never issued, or removed). */
    TOKEN_UNKNOWN(null),
    /** The token timestamp is older than the past window (2 h). PowerAuth server logs {@code ERR0030}. */
    TOKEN_TIMESTAMP_TOO_OLD("ERR0030"),
    /**
     * The token timestamp is further ahead than the future window (60 s for 3.2/3.3, 30 min for 3.0/3.1).
     * PowerAuth server logs {@code ERR0044}.
     */
    TOKEN_TIMESTAMP_IN_FUTURE("ERR0044"),
    /** The token digest does not verify with the token's secret. */
    TOKEN_DIGEST_INVALID(null),
    /** The token header was used before and is still remembered. */
    TOKEN_REPLAYED(null),
    /** The token's or signature's factors are not among those the endpoint accepts. */
    SIGNATURE_TYPE_NOT_ALLOWED(null),
    /** The activation is unknown, or belongs to another application. */
    ACTIVATION_UNKNOWN(null),
    /** The activation is not ACTIVE (PENDING_COMMIT, BLOCKED or REMOVED). */
    ACTIVATION_NOT_ACTIVE(null),
    /** The signature does not verify within the look-ahead window (a wrong password among others). */
    SIGNATURE_INVALID(null),
    /**
     * A 3.x request to an emulator built with {@code minSupportedProtocolVersion(4)}. PowerAuth server 2.0 logs
     * {@code ERR0047}.
     */
    PROTOCOL_VERSION_NOT_SUPPORTED("ERR0047");

    private final String serverLogCode;

    EmulatorAuthFailure(String serverLogCode) {
        this.serverLogCode = serverLogCode;
    }

    /** @return the code PowerAuth server writes to its own log for this reason, where one is known */
    public Optional<String> serverLogCode() {
        return Optional.ofNullable(serverLogCode);
    }
}
