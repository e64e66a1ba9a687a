package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * Runs every native keychain call on one daemon thread and waits at most a timeout for it. Native keychain
 * APIs have no timeout of their own: an unanswered unlock prompt, a provider that owns its bus name but never
 * replies, or a stuck client library would otherwise block the caller (and a non-daemon thread would keep the
 * JVM alive). After a timeout the call is reported as {@link StorageUnavailableException}; since the stuck
 * native call still occupies the thread, every later call in this process fails fast the same way.
 */
final class KeyringCalls {
    /** Default wait per call: long enough for a person to answer an unlock prompt. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "opentokens-keychain-calls");
        thread.setDaemon(true);
        return thread;
    });
    private static volatile boolean wedged;

    private KeyringCalls() {
    }

    static <T> T run(String action, Duration timeout, Callable<T> call) {
        if (wedged) {
            throw new StorageUnavailableException("an earlier keychain call never returned; the keychain cannot be"
                    + " used again in this process (" + action + ")");
        }
        Future<T> future = THREAD.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            wedged = true;
            future.cancel(true);
            throw new StorageUnavailableException("keychain did not answer within " + timeout.toSeconds()
                    + " s (" + action + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for the keychain (" + action + ")", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StorageUnavailableException("keychain call failed (" + action + ")", cause);
        }
    }
}
