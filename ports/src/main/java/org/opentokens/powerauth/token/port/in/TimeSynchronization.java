package org.opentokens.powerauth.token.port.in;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;

/**
 * The client's view of the PowerAuth server's clock, for hosts: token headers and ECIES timestamps carry server
 * time, which the client learns from the server ({@code /pa/v3/status}, or {@code /pa/v4/status} for a 4.0
 * configuration) and keeps as an offset from the local clock. The client synchronizes on its own before the first
 * header; a host uses this port to look, to ask for a fresh sample (for example after the server refused a
 * timestamp) or to forget the offset.
 *
 * <p>Thread-safe: any number of threads may call any method. Concurrent {@link #synchronize()} calls share one
 * server call.
 */
public interface TimeSynchronization {

    /**
     * @return whether the client knows the server's time: a sample was accepted, or an offset stored by an earlier
     *     process was taken up, since creation or the last {@link #reset()}
     */
    boolean isSynchronized();

    /**
     * @return the server's time now: the local clock plus the synchronized offset
     * @throws org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException when not synchronized
     */
    Instant currentServerTime();

    /**
     * Asks the server for its time once, even when time is synchronized, on the client's threads. A new offset
     * within 10 s of the current one is ignored as jitter.
     *
     * @return a future that completes once the sample was applied (or confirmed the offset); it fails with
     *     {@link ClientClosedException} when the client is closed (nothing is sent), with
     *     {@link org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException} when the server's
     *     sample was rejected (a round trip over 16 s or an implausible time; the state is unchanged), and with the
     *     server call's typed failure, such as
     *     {@link org.opentokens.powerauth.token.domain.error.ServerUnreachableException}
     */
    CompletableFuture<Void> synchronize();

    /**
     * Forgets the offset, in memory and in storage (best effort: a storage failure is ignored), so the next header
     * asks the server again. Works on a closed client too; throws nothing.
     */
    void reset();
}
