package org.opentokens.powerauth.testkit;

import java.time.Clock;
import java.time.Duration;

/** The emulator's settings, fixed at build time. */
record EmulatorConfig(Clock clock, boolean commitOnKeyExchange, int maxFailedAttempts, int signatureLookAhead,
        Duration temporaryKeyValidity, Duration tokenPastValidity, Duration tokenFutureValidity,
        Duration eciesExpirationV32Plus, Duration eciesExpirationV30V31, int maxRequestBytes) {

    static EmulatorConfig defaults() {
        return new EmulatorConfig(Clock.systemUTC(), false, 5, 20, Duration.ofMinutes(5), Duration.ofHours(2),
                Duration.ofMinutes(30), Duration.ofSeconds(60), Duration.ofHours(2), 1024 * 1024);
    }
}
