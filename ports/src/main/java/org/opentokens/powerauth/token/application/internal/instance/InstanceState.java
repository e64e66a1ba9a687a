package org.opentokens.powerauth.token.application.internal.instance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * The in-memory state of one instance, shared by its services: immutable {@link InstanceSnapshot}s of the
 * activation and the tokens read so far, both following storage through its change signal. {@link #snapshot()}
 * checks the signal on every call; the header path ({@link #recentSnapshot()}, {@link #cachedToken}) at most once
 * per {@code headerRefreshInterval}. Changes run in {@link #transaction}s and signed calls in {@link #signedCall}s,
 * inside the instance's exclusive section. A token record leaving the cache is destroyed; activation records are
 * left to the collector, because lock-free readers may still hold them. Thread-safe.
 */
public final class InstanceState {
    private final InstanceStore store;
    private final long refreshMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private final List<Runnable> lossListeners = new CopyOnWriteArrayList<>();
    private final Object publishLock = new Object();
    private final SignedCalls signedCalls = new SignedCalls();
    private final List<java.util.function.BiConsumer<InstanceTransaction, String>> beforeSignedCalls =
            new CopyOnWriteArrayList<>();
    private volatile InstanceSnapshot current;
    private volatile long checkedAtMillis;
    /** The usable activation last published, for loss notifications; guarded by {@code publishLock}. */
    private String knownUsableId;

    /**
     * @param store the instance's storage
     * @param headerRefreshInterval how stale the header path's view of storage may get; zero checks every time
     * @param clock the client's clock; the interval is measured on it (a step backwards ends the interval)
     */
    public InstanceState(InstanceStore store, Duration headerRefreshInterval, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.refreshMillis = Objects.requireNonNull(headerRefreshInterval, "headerRefreshInterval").toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param configuration the instance settings: namespace, lock timeout, header refresh interval
     * @param storage the storage
     * @param clock the client's clock
     * @return the state of that instance in that storage
     */
    public static InstanceState create(PowerAuthConfiguration configuration, SecureStorage storage, Clock clock) {
        return new InstanceState(new InstanceStore(storage, configuration.namespace(),
                configuration.instanceLockTimeout()), configuration.headerRefreshInterval(), clock);
    }

    /** A token as read at one storage version; {@code record} is null when there was none. */
    private record CachedToken(long version, TokenRecord record) {
    }

    /**
     * @return the instance as stored now (one read of the change signal, and more only if it changed)
     * @throws org.opentokens.powerauth.token.domain.error.StorageException if storage fails
     */
    public InstanceSnapshot snapshot() {
        long now = clock.millis();
        long version = store.version();
        InstanceSnapshot known = current;
        InstanceSnapshot result = known != null && known.version() == version ? known : load(version);
        checkedAtMillis = now;
        return result;
    }

    /**
     * @param nowMillis the client clock's reading, taken by the caller
     * @return the latest snapshot if storage was checked within the header refresh interval, else {@link #snapshot()}
     */
    public InstanceSnapshot recentSnapshot(long nowMillis) {
        InstanceSnapshot known = current;
        if (known != null && isRecent(nowMillis)) {
            return known;
        }
        return snapshot();
    }

    private boolean isRecent(long nowMillis) {
        long elapsed = nowMillis - checkedAtMillis;
        return elapsed >= 0 && elapsed < refreshMillis;
    }

    /**
     * The header path's lookup: no storage access, no lock, no allocation. It answers only when storage was
     * checked within the refresh interval and the token of the usable activation is cached; otherwise it
     * returns null and the caller takes {@link #token}.
     *
     * @param tokenName the name
     * @param nowMillis the client clock's reading, taken by the caller (the header needs it anyway)
     * @return the cached token, or null
     */
    public TokenRecord cachedToken(String tokenName, long nowMillis) {
        InstanceSnapshot known = current;
        if (known == null || !isRecent(nowMillis)) {
            return null;
        }
        CachedToken cached = tokens.get(tokenName);
        if (cached == null || cached.record == null || cached.version < known.tokensTrackedSince()) {
            return null;
        }
        ActivationRecord usable = known.usableOrNull();
        return usable != null && usable.activationId().equals(cached.record.activationId()) ? cached.record : null;
    }

    /**
     * @param snapshot a snapshot from this state
     * @param tokenName the name
     * @return the token of that name belonging to the snapshot's usable activation; a stored token of another
     *     activation is never returned (and is deleted when the section is free)
     */
    public Optional<TokenRecord> token(InstanceSnapshot snapshot, String tokenName) {
        ActivationRecord usable = snapshot.usableOrNull();
        if (usable == null) {
            return Optional.empty();
        }
        CachedToken cached = tokens.get(tokenName);
        if (cached == null || cached.version < snapshot.tokensTrackedSince()) {
            cached = load(snapshot, tokenName, cached);
        }
        TokenRecord record = cached.record;
        if (record == null) {
            return Optional.empty();
        }
        if (!record.activationId().equals(usable.activationId())) {
            deleteStale(tokenName);
            return Optional.empty();
        }
        return Optional.of(record);
    }

    /**
     * @param snapshot a snapshot from this state
     * @return every token of the snapshot's usable activation, by name
     */
    public Map<String, TokenRecord> tokens(InstanceSnapshot snapshot) {
        if (snapshot.usableOrNull() == null) {
            return Map.of();
        }
        Map<String, TokenRecord> found = new java.util.HashMap<>();
        for (String entry : store.tokenEntries()) {
            String name = entry.substring(InstanceStore.TOKEN_ENTRY_PREFIX.length());
            token(snapshot, name).ifPresent(record -> found.put(name, record));
        }
        return found;
    }

    /**
     * Runs a read-modify-write of the instance inside its exclusive section and publishes what it changed (also
     * when it throws: its writes happened).
     *
     * @param work the change
     * @param <T> its result
     * @return its result
     * @throws StorageBusyException if another holder kept the section past the lock timeout
     */
    public <T> T transaction(Function<InstanceTransaction, T> work) {
        return store.transaction(work, this::publish);
    }

    /**
     * Runs one signed server call of the activation {@code activationId} inside the exclusive section: the
     * activation is read again from storage and must still be the usable one; {@code work} steps the counter,
     * persists it, sends and applies the answer. Signed calls therefore reach the server in counter order from
     * every process, and no two ever use the same counter.
     *
     * @param activationId the activation the call belongs to
     * @param work the call
     * @param <T> its result
     * @return its result
     * @throws org.opentokens.powerauth.token.domain.error.MissingActivationException if the activation is gone, or
     *     was removed locally while the call waited or ran
     */
    public <T> T signedCall(String activationId, Function<InstanceTransaction, T> work) {
        return signedCall(activationId, work, true);
    }

    /**
     * As {@link #signedCall(String, Function)}, without the steps registered with {@link #addBeforeSignedCall}:
     * for a call that does their work itself.
     */
    public <T> T signedCallAlone(String activationId, Function<InstanceTransaction, T> work) {
        return signedCall(activationId, work, false);
    }

    private <T> T signedCall(String activationId, Function<InstanceTransaction, T> work, boolean withSteps) {
        return signedCalls.run(() -> transaction(tx -> {
            tx.requireActivation(activationId);
            if (withSteps) {
                for (java.util.function.BiConsumer<InstanceTransaction, String> step : beforeSignedCalls) {
                    step.accept(tx, activationId);
                }
            }
            return work.apply(tx);
        }));
    }

    /**
     * @param step runs inside every signed call's section, after the activation check and before the call's
     *     own work, with the transaction and the activation id; owed work (such as pending token removals) that
     *     needs its own signed requests goes here. A step must not throw for a server failure of its own.
     */
    public void addBeforeSignedCall(java.util.function.BiConsumer<InstanceTransaction, String> step) {
        beforeSignedCalls.add(Objects.requireNonNull(step, "step"));
    }

    /** @return the pending removals stored now, oldest first (a storage read, outside any section) */
    public List<org.opentokens.powerauth.token.domain.internal.record.PendingRemovalRecord> pendingRemovals() {
        return store.readPendingRemovals();
    }

    /**
     * Interrupts this process's signed calls of the instance, waiting or running, so that a local removal of
     * the activation need not wait for their server answers. They fail with
     * {@link org.opentokens.powerauth.token.domain.error.MissingActivationException}.
     */
    public void abortSignedCalls() {
        signedCalls.abortAll();
    }

    /** @param listener runs whenever the usable activation this process knew is replaced or lost */
    public void addLossListener(Runnable listener) {
        lossListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private InstanceSnapshot load(long version) {
        ActivationRecord activation = store.readActivation().orElse(null);
        InstanceSnapshot fresh = new InstanceSnapshot(version, version, activation);
        boolean lost;
        synchronized (publishLock) {
            InstanceSnapshot previous = current;
            if (previous != null && previous.version() >= version) {
                return previous;
            }
            lost = install(fresh);
        }
        if (lost) {
            notifyLoss();
        }
        return fresh;
    }

    private CachedToken load(InstanceSnapshot snapshot, String tokenName, CachedToken old) {
        TokenRecord read = store.readToken(tokenName).orElse(null);
        if (read != null && old != null && old.record != null && old.record.sameTokenAs(read)) {
            read.destroy();
            read = old.record;
        }
        CachedToken mine = new CachedToken(snapshot.version(), read);
        CachedToken[] displaced = new CachedToken[1];
        CachedToken winner = tokens.compute(tokenName, (name, existing) -> {
            if (existing != null && existing.version >= mine.version) {
                return existing;
            }
            displaced[0] = existing;
            return mine;
        });
        if (winner != mine) {
            destroyUnless(mine.record, winner.record, old == null ? null : old.record);
        }
        if (displaced[0] != null) {
            destroyUnless(displaced[0].record, winner.record, null);
        }
        return winner;
    }

    private void deleteStale(String tokenName) {
        try {
            store.transaction(Duration.ZERO, tx -> {
                Optional<TokenRecord> stored = tx.token(tokenName);
                ActivationRecord activation = tx.activation().filter(InstanceSnapshot::isUsable).orElse(null);
                if (stored.isPresent()
                        && (activation == null || !stored.get().activationId().equals(activation.activationId()))) {
                    tx.deleteToken(tokenName);
                }
                stored.ifPresent(TokenRecord::destroy);
                return null;
            }, this::publish);
        } catch (StorageBusyException e) {
            // Another holder is busy; the stale record is skipped now and deleted on a later visit.
        }
    }

    private void publish(InstanceTransaction tx) {
        InstanceSnapshot previous;
        InstanceSnapshot next;
        boolean lost;
        synchronized (publishLock) {
            previous = current;
            if (tx.uncertain() || tx.endVersion().isEmpty()) {
                // A write failed: storage may or may not hold it. Forget everything; the next call reloads.
                current = null;
                for (TokenRecord written : tx.writtenTokens().values()) {
                    if (written != null) {
                        dropCached(written.tokenName(), written);
                    }
                }
                return;
            }
            long end = tx.endVersion().getAsLong();
            boolean tracked = previous != null && previous.version() == tx.startVersion();
            long trackedSince = tracked && !tx.tokensWiped() ? previous.tokensTrackedSince() : end;
            ActivationRecord activation = tx.activationKnown() ? tx.knownActivation()
                    : tracked ? previous.activation().orElse(null) : store.readActivation().orElse(null);
            next = new InstanceSnapshot(end, trackedSince, activation);
            lost = install(next);
            if (tx.tokensWiped()) {
                tokens.entrySet().removeIf(entry -> {
                    if (entry.getValue().version < end) {
                        destroyUnless(entry.getValue().record, null, null);
                        return true;
                    }
                    return false;
                });
            }
            tx.writtenTokens().forEach((name, record) -> {
                CachedToken replaced = tokens.put(name, new CachedToken(end, record));
                if (replaced != null) {
                    destroyUnless(replaced.record, record, null);
                }
            });
        }
        checkedAtMillis = clock.millis();
        if (lost) {
            notifyLoss();
        }
    }

    /** Makes {@code next} current; the caller holds {@code publishLock}. @return whether the usable activation was lost */
    private boolean install(InstanceSnapshot next) {
        current = next;
        String before = knownUsableId;
        knownUsableId = next.usableId();
        return before != null && !before.equals(knownUsableId);
    }

    private void dropCached(String tokenName, TokenRecord record) {
        CachedToken cached = tokens.get(tokenName);
        if (cached != null && cached.record == record) {
            tokens.remove(tokenName, cached);
        }
        record.destroy();
    }

    private void notifyLoss() {
        for (Runnable listener : lossListeners) {
            listener.run();
        }
    }

    private static void destroyUnless(TokenRecord record, TokenRecord keep, TokenRecord keepToo) {
        if (record != null && record != keep && record != keepToo) {
            record.destroy();
        }
    }
}
