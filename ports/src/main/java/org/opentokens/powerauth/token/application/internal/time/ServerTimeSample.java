package org.opentokens.powerauth.token.application.internal.time;

import java.time.Duration;
import java.util.Objects;

/**
 * One observation of the server clock: the server's time, the local time it is compared with, and the round
 * trip that bounds the error.
 *
 * <p>For a request/response pair (T0 = local request start, T1 = local response end, S = server time in the
 * response) the server is assumed to have answered half-way through the round trip, so
 * {@code offset = S + RTT/2 - T1} and the error is at most {@code RTT/2}. This is the PowerAuth SDK's method
 * for {@code /pa/v3/status} and applies as well to the JWT {@code iat_ms} of a temporary key and to an ECIES
 * response {@code timestamp}.
 *
 * @param serverTimeMs the server's time, Unix epoch milliseconds
 * @param localTimeMs the local time the sample is compared against (T1), Unix epoch milliseconds
 * @param roundTripMs the round trip in milliseconds; twice the precision
 */
public record ServerTimeSample(long serverTimeMs, long localTimeMs, long roundTripMs) {

    /**
     * @param serverTimeMs the server's time, Unix epoch milliseconds; not negative
     * @param localTimeMs the local time the sample is compared against (T1)
     * @param roundTripMs the round trip in milliseconds; not negative
     * @throws IllegalArgumentException if {@code serverTimeMs} or {@code roundTripMs} is negative
     */
    public ServerTimeSample {
        if (serverTimeMs < 0) {
            throw new IllegalArgumentException("serverTimeMs must not be negative, was " + serverTimeMs);
        }
        if (roundTripMs < 0) {
            throw new IllegalArgumentException("roundTripMs must not be negative, was " + roundTripMs);
        }
    }

    /**
     * A sample from a request whose local start and end times were measured.
     *
     * @param serverTimeMs the server time in the response
     * @param localRequestStartMs local time just before the request was sent (T0)
     * @param localResponseEndMs local time just after the response arrived (T1)
     * @return the sample, with round trip {@code T1 - T0}
     * @throws IllegalArgumentException if {@code T1 < T0} or the server time is negative
     */
    public static ServerTimeSample measured(long serverTimeMs, long localRequestStartMs, long localResponseEndMs) {
        if (localResponseEndMs < localRequestStartMs) {
            throw new IllegalArgumentException("response end is before request start");
        }
        return new ServerTimeSample(serverTimeMs, localResponseEndMs,
                Math.subtractExact(localResponseEndMs, localRequestStartMs));
    }

    /**
     * A sample with a known error bound, for sources without a measured round trip.
     *
     * @param serverTimeMs the server's time
     * @param localTimeMs the local time at which {@code serverTimeMs} was true, give or take {@code precision}
     * @param precision the error bound; not negative
     * @return the sample, with a round trip of twice {@code precision}
     * @throws IllegalArgumentException if the precision or the server time is negative
     */
    public static ServerTimeSample observed(long serverTimeMs, long localTimeMs, Duration precision) {
        Objects.requireNonNull(precision, "precision");
        if (precision.isNegative()) {
            throw new IllegalArgumentException("precision must not be negative");
        }
        return new ServerTimeSample(serverTimeMs, localTimeMs, Math.multiplyExact(precision.toMillis(), 2L));
    }

    /** @return {@code serverTime + roundTrip/2 - localTime}: add it to local time to get server time */
    public long offsetMs() {
        return Math.subtractExact(Math.addExact(serverTimeMs, roundTripMs / 2), localTimeMs);
    }

    /** @return the error bound of {@link #offsetMs()}: half the round trip, rounded up */
    public long precisionMs() {
        return roundTripMs / 2 + roundTripMs % 2;
    }
}
