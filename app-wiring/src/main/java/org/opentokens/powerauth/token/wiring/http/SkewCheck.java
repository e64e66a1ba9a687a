package org.opentokens.powerauth.token.wiring.http;

import java.util.Set;
import org.opentokens.powerauth.token.application.internal.time.TimeSyncState;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;

/**
 * Decides, after a 401 to a token-authenticated request, whether clock skew could explain it: resynchronizes
 * time once and says whether the offset moved by more than the new sample's precision. When another request has
 * resynchronized since the rejected header was made, that newer state is the answer and no call is made. A server that names a
 * timestamp error ({@link PowerAuthTokenHttpClient#TIMESTAMP_ERROR_CODES}) settles it: time is synchronized
 * afresh (the stored offset forgotten, so even a small correction applies) and a retry is worth it.
 */
final class SkewCheck {
    private static final Set<String> TIMESTAMP_CODES = PowerAuthTokenHttpClient.TIMESTAMP_ERROR_CODES;

    /** One shared {@code /pa/v3/status} call that applies its sample to the time service. */
    @FunctionalInterface
    interface Resync {
        void run();
    }

    private final TimeSynchronizationService time;
    private final Resync resync;

    SkewCheck(TimeSynchronizationService time, Resync resync) {
        this.time = time;
        this.resync = resync;
    }

    /** @return the time state the header was made with (read right after making it), or null */
    TimeSyncState current() {
        return time.state().orElse(null);
    }

    /**
     * @param used the state the rejected header was made with
     * @param errorCode the PowerAuth code of the 401 body, or empty text
     * @return true if a header made now could fare differently
     */
    boolean resyncShowsSkew(TimeSyncState used, String errorCode) {
        boolean named = TIMESTAMP_CODES.contains(errorCode);
        TimeSyncState since = time.state().orElse(null);
        if (!named && used != null && since != null && since != used) {
            // Another request resynchronized after this header was made: its sample answers this one too.
            return moved(used, since);
        }
        try {
            if (named) {
                time.reset();
            }
            resync.run();
        } catch (PowerAuthClientException e) {
            // No fresh server time: the 401 goes to the caller as it is.
            return false;
        }
        TimeSyncState now = time.state().orElse(null);
        if (now == null) {
            return false;
        }
        if (named) {
            return true;
        }
        return used != null && moved(used, now);
    }

    private static boolean moved(TimeSyncState used, TimeSyncState now) {
        return Math.abs(now.offset().toMillis() - used.offset().toMillis()) > now.precision().toMillis();
    }
}
