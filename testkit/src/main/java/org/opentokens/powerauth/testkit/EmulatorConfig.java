package org.opentokens.powerauth.testkit;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The emulator's settings, fixed at build time.
 *
 * @param tokenReplayMemory how long a used token header is remembered after its first use, or null to remember it
 *     for the whole timestamp window
 * @param v4RequestExpiration 4.0: how far a token or AEAD request timestamp may lie from server time, either way
 *     (Server 2.0's {@code requestExpirationInMilliseconds}); a 4.0 token nonce or AEAD nonce is remembered for
 *     twice this, so a reuse within the window is always refused
 * @param minSupportedProtocolVersion 3 to serve 3.x and 4.0 (a 2.0 deployment's default), 4 to refuse 3.x
 */
record EmulatorConfig(Clock clock, boolean commitOnKeyExchange, int maxFailedAttempts, int signatureLookAhead,
        Duration temporaryKeyValidity, Duration tokenPastValidity, Duration tokenFutureValidityV30V31,
        Duration tokenFutureValidityV32Plus, Duration tokenReplayMemory, boolean revealAuthenticationReasons,
        Set<PowerAuthSignatureTypes> resourceSignatureTypes, Duration eciesExpirationV32Plus,
        Duration eciesExpirationV30V31, int maxRequestBytes, Duration v4RequestExpiration,
        int minSupportedProtocolVersion) {

    /** What {@code @PowerAuthToken} and {@code @PowerAuth} accept unless an endpoint lists its own types. */
    static final Set<PowerAuthSignatureTypes> ANNOTATION_DEFAULT_TYPES = Set.copyOf(EnumSet.of(
            PowerAuthSignatureTypes.POSSESSION_BIOMETRY, PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE,
            PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE_BIOMETRY));

    /** Every type that includes possession: what the possession-only resource accepts. */
    static final Set<PowerAuthSignatureTypes> POSSESSION_TYPES = Set.copyOf(EnumSet.of(
            PowerAuthSignatureTypes.POSSESSION, PowerAuthSignatureTypes.POSSESSION_BIOMETRY,
            PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE, PowerAuthSignatureTypes.POSSESSION_KNOWLEDGE_BIOMETRY));

    EmulatorConfig {
        resourceSignatureTypes = Set.copyOf(resourceSignatureTypes);
    }

    static EmulatorConfig defaults() {
        return new EmulatorConfig(Clock.systemUTC(), false, 5, 20, Duration.ofMinutes(5), Duration.ofHours(2),
                Duration.ofMinutes(30), Duration.ofSeconds(60), Duration.ofSeconds(60), false,
                ANNOTATION_DEFAULT_TYPES, Duration.ofSeconds(60), Duration.ofHours(2), 1024 * 1024,
                Duration.ofSeconds(60), 3);
    }

    /** @return whether 3.x requests are served */
    boolean servesV3() {
        return minSupportedProtocolVersion <= 3;
    }

    /** @return how far ahead of server time a token header of this version may be */
    Duration tokenFutureValidity(String version) {
        return ProtocolVersions.limitsTokensByRequestExpiration(version) ? tokenFutureValidityV32Plus : tokenFutureValidityV30V31;
    }

    /** @return how long a used token header of this version is remembered after its first use */
    Duration tokenReplayRetention(String version) {
        return tokenReplayMemory != null ? tokenReplayMemory : tokenPastValidity.plus(tokenFutureValidity(version));
    }
}
