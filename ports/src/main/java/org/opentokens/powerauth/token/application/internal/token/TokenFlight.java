package org.opentokens.powerauth.token.application.internal.token;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;

/**
 * One in-flight token creation shared by every caller asking for the same name. Each caller gets its own
 * future; cancelling it detaches that caller only. When the last caller has cancelled, the shared work is
 * cancelled too (its thread interrupted, which aborts the server call).
 */
final class TokenFlight {
    private final PowerAuthSignatureType signatureType;
    private final CompletableFuture<PowerAuthToken> shared = new CompletableFuture<>();
    private final Runnable onAbandoned;
    private int subscribers;
    private Future<?> work;
    private boolean abandoned;

    TokenFlight(PowerAuthSignatureType signatureType, Runnable onAbandoned) {
        this.signatureType = signatureType;
        this.onAbandoned = onAbandoned;
    }

    PowerAuthSignatureType signatureType() {
        return signatureType;
    }

    CompletableFuture<PowerAuthToken> shared() {
        return shared;
    }

    synchronized void started(Future<?> running) {
        this.work = running;
        if (abandoned) {
            running.cancel(true);
        }
    }

    /** @return a new future for one caller */
    CompletableFuture<PowerAuthToken> subscribe() {
        CompletableFuture<PowerAuthToken> mine = new CompletableFuture<>();
        synchronized (this) {
            subscribers++;
        }
        shared.whenComplete((token, failure) -> {
            if (failure != null) {
                mine.completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                        && failure.getCause() != null ? failure.getCause() : failure);
            } else {
                mine.complete(token);
            }
        });
        mine.whenComplete((token, failure) -> {
            if (mine.isCancelled()) {
                unsubscribe();
            }
        });
        return mine;
    }

    private void unsubscribe() {
        boolean last;
        synchronized (this) {
            subscribers--;
            last = subscribers == 0 && !shared.isDone();
            if (last) {
                abandoned = true;
                if (work != null) {
                    work.cancel(true);
                }
            }
        }
        if (last) {
            shared.cancel(false);
            onAbandoned.run();
        }
    }

    synchronized boolean isAbandoned() {
        return abandoned;
    }
}
