package org.opentokens.powerauth.token.application.internal.instance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.PendingRemovalRecord;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * The storage layout of one instance, all in its namespace: the {@value #ACTIVATION_ENTRY} entry, one
 * {@value #TOKEN_ENTRY_PREFIX}{@code <name>} per token, one {@value #PENDING_REMOVAL_ENTRY_PREFIX}{@code <tokenId>}
 * per token whose server-side removal is still owed, and the {@value #TIME_OFFSET_ENTRY} entry. Reads go straight to
 * storage; every change is a {@linkplain #transaction transaction} in the namespace's exclusive section. Thread-safe.
 */
public final class InstanceStore {
    /** Storage entry of the activation record. */
    public static final String ACTIVATION_ENTRY = "activation";
    /** Prefix of token entries. */
    public static final String TOKEN_ENTRY_PREFIX = "token:";
    /** Storage entry of the server time offset ({@link StoredTimeOffset}); kept when the activation is wiped. */
    public static final String TIME_OFFSET_ENTRY = "time-offset";
    /** Prefix of pending-removal entries (tombstones), followed by the server's token id. */
    public static final String PENDING_REMOVAL_ENTRY_PREFIX = "removal:";

    private final SecureStorage storage;
    private final StorageNamespace namespace;
    private final Duration lockTimeout;

    /**
     * @param storage the storage
     * @param namespace the instance's namespace
     * @param lockTimeout how long a transaction waits at most for another holder of the exclusive section
     */
    public InstanceStore(SecureStorage storage, StorageNamespace namespace, Duration lockTimeout) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    }

    /**
     * @param tokenName a token name
     * @return its storage entry name
     */
    public static String tokenEntry(String tokenName) {
        return TOKEN_ENTRY_PREFIX + tokenName;
    }

    /**
     * @param tokenId a server token id
     * @return the storage entry name of its pending removal
     */
    public static String pendingRemovalEntry(TokenId tokenId) {
        return PENDING_REMOVAL_ENTRY_PREFIX + tokenId.value();
    }

    /** @return the pending removals stored now; entries that do not decode are skipped */
    List<PendingRemovalRecord> readPendingRemovals() {
        List<PendingRemovalRecord> found = new ArrayList<>();
        for (String name : storage.names(namespace)) {
            if (!name.startsWith(PENDING_REMOVAL_ENTRY_PREFIX)) {
                continue;
            }
            Optional<SecretBytes> stored = storage.get(namespace, name);
            if (stored.isEmpty()) {
                continue;
            }
            try {
                found.add(PendingRemovalRecord.decode(stored.get()));
            } catch (MalformedDataException e) {
                // Unreadable: nothing could be retried with it.
            } finally {
                stored.get().destroy();
            }
        }
        found.sort(java.util.Comparator.comparingLong(PendingRemovalRecord::queuedAtMs));
        return found;
    }

    /** @return the storage's change signal for this instance; read it before the entries it should cover */
    long version() {
        return storage.version(namespace);
    }

    /** @return the stored activation; a record that does not decode counts as absent */
    Optional<ActivationRecord> readActivation() {
        Optional<SecretBytes> stored = storage.get(namespace, ACTIVATION_ENTRY);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ActivationRecord.decode(stored.get()));
        } catch (MalformedDataException e) {
            return Optional.empty();
        } finally {
            stored.get().destroy();
        }
    }

    /**
     * @param tokenName the token name
     * @return the stored token; a record that does not decode, or whose name does not match, counts as absent
     */
    Optional<TokenRecord> readToken(String tokenName) {
        return decodeToken(storage.get(namespace, tokenEntry(tokenName)), tokenName);
    }

    /** @return every entry's name except the time offset's: what wiping the activation deletes */
    List<String> activationEntries() {
        List<String> entries = new ArrayList<>();
        for (String name : storage.names(namespace)) {
            if (!name.equals(TIME_OFFSET_ENTRY)) {
                entries.add(name);
            }
        }
        return entries;
    }

    /** @return every token entry's name, undecodable ones included */
    List<String> tokenEntries() {
        List<String> entries = new ArrayList<>();
        for (String name : storage.names(namespace)) {
            if (name.startsWith(TOKEN_ENTRY_PREFIX)) {
                entries.add(name);
            }
        }
        return entries;
    }

    /**
     * Runs {@code work} inside the instance's exclusive section, with a transaction that reads fresh from
     * storage and writes through at once, then hands the transaction to {@code publish} while still inside the
     * section, whether {@code work} returned or threw: what it wrote before a failure stays written. The
     * transaction is unusable afterwards.
     *
     * @param work the read-modify-write
     * @param publish receives the finished transaction, with the storage version at its end
     * @param <T> the result of {@code work}
     * @return the result of {@code work}
     * @throws org.opentokens.powerauth.token.domain.error.StorageBusyException if another holder kept the section
     *     for longer than the lock timeout
     */
    <T> T transaction(Function<InstanceTransaction, T> work, Consumer<InstanceTransaction> publish) {
        return transaction(lockTimeout, work, publish);
    }

    /** As {@link #transaction(Function, Consumer)}, waiting at most {@code maxWait}. */
    <T> T transaction(Duration maxWait, Function<InstanceTransaction, T> work, Consumer<InstanceTransaction> publish) {
        return storage.exclusive(namespace, maxWait, () -> {
            InstanceTransaction tx = new InstanceTransaction(this, storage.version(namespace));
            try {
                return work.apply(tx);
            } finally {
                tx.finish();
                publish.accept(tx);
            }
        });
    }

    SecureStorage storage() {
        return storage;
    }

    StorageNamespace namespace() {
        return namespace;
    }

    Optional<TokenRecord> decodeToken(Optional<SecretBytes> stored, String tokenName) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            TokenRecord record = TokenRecord.decode(stored.get());
            if (!record.tokenName().equals(tokenName)) {
                record.destroy();
                return Optional.empty();
            }
            return Optional.of(record);
        } catch (MalformedDataException e) {
            return Optional.empty();
        } finally {
            stored.get().destroy();
        }
    }
}
