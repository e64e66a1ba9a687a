package org.opentokens.powerauth.token.application.internal.instance;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;

/**
 * The threads of this process running a signed call of one instance, so that a local removal of the activation
 * can interrupt them instead of waiting for their server answers. An interrupted call fails with
 * {@link MissingActivationException}, whatever the interrupt made it throw, and the thread's interrupt flag is
 * cleared again when the call ends.
 */
final class SignedCalls {
    private final Set<Thread> running = new HashSet<>();
    private final Set<Thread> aborted = new HashSet<>();

    <T> T run(Supplier<T> call) {
        Thread me = Thread.currentThread();
        synchronized (this) {
            running.add(me);
        }
        try {
            T result = call.get();
            if (wasAborted(me)) {
                throw removedMeanwhile(null);
            }
            return result;
        } catch (RuntimeException e) {
            if (wasAborted(me) && !(e instanceof MissingActivationException)) {
                throw removedMeanwhile(e);
            }
            throw e;
        } finally {
            synchronized (this) {
                running.remove(me);
                if (aborted.remove(me)) {
                    Thread.interrupted();
                }
            }
        }
    }

    synchronized void abortAll() {
        for (Thread thread : running) {
            if (aborted.add(thread)) {
                thread.interrupt();
            }
        }
    }

    private synchronized boolean wasAborted(Thread thread) {
        return aborted.contains(thread);
    }

    private static MissingActivationException removedMeanwhile(Throwable cause) {
        MissingActivationException e = new MissingActivationException(
                "the activation was removed locally while this signed call ran");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
