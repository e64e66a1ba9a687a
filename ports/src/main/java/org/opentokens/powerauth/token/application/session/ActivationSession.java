package org.opentokens.powerauth.token.application.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.opentokens.powerauth.token.application.PowerAuthConfiguration;
import org.opentokens.powerauth.token.domain.activation.ActivationState;
import org.opentokens.powerauth.token.domain.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.MissingActivationException;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.ServerUnreachableException;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * The committed activation of one instance, loaded lazily from storage and cached.
 *
 * <p>Every change (commit, counter step, server state, wipe) happens under one lock and is written to storage
 * before it becomes visible. The {@linkplain #generation() generation} increases whenever the activation is
 * replaced or lost; work that started under an older generation must not store its results. Loss listeners run
 * under the lock, after storage was wiped.
 *
 * <p>Signed server calls of the activation run one at a time ({@link #signedCall}), so they reach the server in
 * counter order.
 *
 * <p>Records are immutable and shared with readers, so replaced records are left to the garbage collector
 * rather than destroyed: a reader may still hold one.
 *
 * <p>Thread-safe.
 */
public final class ActivationSession {
    /** Storage entry of the activation record. */
    public static final String ACTIVATION_ENTRY = "activation";
    /** Prefix of token entries. */
    public static final String TOKEN_ENTRY_PREFIX = "token:";

    private final PowerAuthConfiguration configuration;
    private final SecureStorage storage;
    private final StorageNamespace namespace;
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock signedCalls = new ReentrantLock(true);
    private final List<Runnable> lossListeners = new CopyOnWriteArrayList<>();
    private volatile boolean loaded;
    private volatile ActivationRecord record;
    private volatile long generation;

    /**
     * @param configuration the instance settings
     * @param storage the secure storage
     */
    public ActivationSession(PowerAuthConfiguration configuration, SecureStorage storage) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.namespace = configuration.namespace();
    }

    /** @return the instance settings */
    public PowerAuthConfiguration configuration() {
        return configuration;
    }

    /** @return the storage */
    public SecureStorage storage() {
        return storage;
    }

    /** @return this instance's storage namespace */
    public StorageNamespace namespace() {
        return namespace;
    }

    /** @return the committed activation, loading it on first use */
    public Optional<ActivationRecord> current() {
        if (!loaded) {
            lock.lock();
            try {
                load();
            } finally {
                lock.unlock();
            }
        }
        return Optional.ofNullable(record);
    }

    /**
     * @return the committed activation, if the server has not reported it REMOVED
     */
    public Optional<ActivationRecord> usable() {
        return current().filter(r -> r.serverState().orElse(null) != ActivationState.REMOVED);
    }

    /**
     * @return the usable activation
     * @throws MissingActivationException if there is none
     */
    public ActivationRecord require() {
        return usable().orElseThrow(() -> new MissingActivationException("there is no committed activation"));
    }

    /** @return the current generation; changes whenever the activation is replaced or lost */
    public long generation() {
        current();
        return generation;
    }

    /**
     * Runs {@code action} under the session lock, for read-modify-write sequences such as signing.
     *
     * @param action the action
     * @param <T> its result
     * @return its result
     */
    public <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            load();
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs one signed server call of this activation alone, from taking its counter to the server's answer.
     *
     * <p>The server accepts a signature only at or ahead of its own counter, and moves past every counter it
     * accepts. Signed calls sent side by side could arrive out of counter order, and the later-counter call would
     * make the server reject the earlier one (counted as a failed attempt for knowledge or biometry factors).
     * So signed calls queue here, first come first served; unsigned calls (status, temporary keys) do not.
     *
     * @param call signs (steps the counter) and sends
     * @param <T> its result
     * @return its result
     * @throws ServerUnreachableException if interrupted while waiting for an earlier signed call
     */
    public <T> T signedCall(java.util.function.Supplier<T> call) {
        try {
            signedCalls.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted while waiting for an earlier signed call", e);
        }
        try {
            return call.get();
        } finally {
            signedCalls.unlock();
        }
    }

    /**
     * Replaces the usable activation with {@code change(current)}, persisting it first. Used for counter steps
     * and server states.
     *
     * @param expectedGeneration the generation the caller started under
     * @param change computes the new record
     * @return the stored record
     * @throws MissingActivationException if the activation changed or is gone
     */
    public ActivationRecord update(long expectedGeneration, UnaryOperator<ActivationRecord> change) {
        lock.lock();
        try {
            load();
            if (generation != expectedGeneration || record == null) {
                throw new MissingActivationException("the activation was removed or replaced meanwhile");
            }
            ActivationRecord next = change.apply(record);
            write(next);
            record = next;
            return next;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores a newly committed activation, wiping everything the instance held before (old activation and its
     * tokens).
     *
     * @param committed the new record; the session keeps it
     */
    public void commit(ActivationRecord committed) {
        lock.lock();
        try {
            load();
            storage.deleteAll(namespace);
            bumpAndForget();
            write(committed);
            record = committed;
            notifyLoss();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the activation and every token of this instance from storage and memory. */
    public void wipe() {
        lock.lock();
        try {
            storage.deleteAll(namespace);
            loaded = true;
            bumpAndForget();
            notifyLoss();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records that the server reported the activation REMOVED, and wipes its tokens. The record is kept so that
     * the host can see the state; it no longer signs anything.
     *
     * @param expectedGeneration the generation the status fetch started under
     */
    public void markRemovedByServer(long expectedGeneration) {
        lock.lock();
        try {
            load();
            if (generation != expectedGeneration || record == null) {
                return;
            }
            ActivationRecord removed = record.withServerState(ActivationState.REMOVED);
            write(removed);
            storage.deleteAll(namespace, storage.names(namespace).stream()
                    .filter(n -> n.startsWith(TOKEN_ENTRY_PREFIX)).toList());
            record = removed;
            generation++;
            notifyLoss();
        } finally {
            lock.unlock();
        }
    }

    /** @param listener runs, under the session lock, whenever the activation is replaced or lost */
    public void addLossListener(Runnable listener) {
        lossListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void load() {
        if (loaded) {
            return;
        }
        Optional<SecretBytes> stored = storage.get(namespace, ACTIVATION_ENTRY);
        if (stored.isPresent()) {
            try {
                record = ActivationRecord.decode(stored.get());
            } finally {
                stored.get().destroy();
            }
        }
        loaded = true;
    }

    private void write(ActivationRecord next) {
        SecretBytes encoded = next.encode();
        try {
            storage.put(namespace, ACTIVATION_ENTRY, encoded);
        } finally {
            encoded.destroy();
        }
    }

    private void bumpAndForget() {
        record = null;
        generation++;
    }

    private void notifyLoss() {
        for (Runnable listener : lossListeners) {
            listener.run();
        }
    }
}
