package org.opentokens.powerauth.token.application.internal.time;

import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;

/**
 * One call that returns the server's current time, normally {@code POST /pa/v3/status} ({@code serverTime}).
 * The server port provides it, for example as a method reference. {@link TimeSynchronizationService} reads the
 * local clock around the call itself, so the fetch only returns the server's value.
 *
 * <p>Thread-safety: called from whichever thread leads a synchronization; one call at a time per service.
 */
@FunctionalInterface
public interface ServerTimeFetch {

    /**
     * Performs one round trip to the server.
     *
     * @return the server time from the response, Unix epoch milliseconds
     * @throws PowerAuthClientException (unchecked) when the server is unreachable or rejects the call; it reaches
     *     every caller waiting on this synchronization unchanged
     */
    long fetchServerTimeMs();
}
