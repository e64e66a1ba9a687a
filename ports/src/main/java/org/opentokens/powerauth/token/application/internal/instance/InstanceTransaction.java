package org.opentokens.powerauth.token.application.internal.instance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.PendingRemovalRecord;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * One read-modify-write of an instance, run inside its exclusive section: no other thread or process changes the
 * instance meanwhile. Reads come fresh from storage; every write goes to storage at once (a section is not a
 * rollback scope), and is remembered so that the instance's in-memory state can follow without re-reading.
 *
 * <p>Valid only inside {@link InstanceStore#transaction}; not thread-safe.
 */
public final class InstanceTransaction {
    private final InstanceStore store;
    private final SecureStorage storage;
    private final StorageNamespace namespace;
    private final long startVersion;
    private final Map<String, TokenRecord> writtenTokens = new HashMap<>();
    private ActivationRecord activation;
    private boolean activationRead;
    private boolean wiped;
    private boolean tokensWiped;
    private boolean open = true;
    private boolean uncertain;
    private OptionalLong endVersion = OptionalLong.empty();

    InstanceTransaction(InstanceStore store, long startVersion) {
        this.store = store;
        this.storage = store.storage();
        this.namespace = store.namespace();
        this.startVersion = startVersion;
    }

    /** @return the stored activation, as it is now */
    public Optional<ActivationRecord> activation() {
        checkOpen();
        if (!activationRead) {
            activation = store.readActivation().orElse(null);
            activationRead = true;
        }
        return Optional.ofNullable(activation);
    }

    /**
     * @param activationId the activation the caller's work belongs to
     * @return that activation's stored record, if it is still the instance's usable activation
     * @throws MissingActivationException if the activation was removed, replaced, or reported removed by the
     *     server since the work started
     */
    public ActivationRecord requireActivation(String activationId) {
        ActivationRecord current = activation().orElse(null);
        if (current == null || !current.activationId().equals(activationId)
                || current.serverState().orElse(null) == ActivationState.REMOVED) {
            throw new MissingActivationException("the activation was removed or replaced meanwhile");
        }
        return current;
    }

    /** @param record the new activation record, stored at once */
    public void putActivation(ActivationRecord record) {
        checkOpen();
        SecretBytes encoded = record.encode();
        try {
            storage.put(namespace, InstanceStore.ACTIVATION_ENTRY, encoded);
        } catch (RuntimeException e) {
            uncertain = true;
            throw e;
        } finally {
            encoded.destroy();
        }
        activation = record;
        activationRead = true;
    }

    /**
     * @param tokenName the name
     * @return the stored token of that name, whatever activation it belongs to
     */
    public Optional<TokenRecord> token(String tokenName) {
        checkOpen();
        return store.readToken(tokenName);
    }

    /** @param record the token, stored at once; the instance's cache keeps this object */
    public void putToken(TokenRecord record) {
        checkOpen();
        SecretBytes encoded = record.encode();
        try {
            storage.put(namespace, InstanceStore.tokenEntry(record.tokenName()), encoded);
        } catch (RuntimeException e) {
            uncertain = true;
            throw e;
        } finally {
            encoded.destroy();
        }
        writtenTokens.put(record.tokenName(), record);
    }

    /**
     * Hands a token read in this transaction to the instance's cache, as if it had been written: the cache keeps
     * this object, so the caller must not destroy it.
     *
     * @param record a record returned by {@link #token(String)}
     */
    public void keepToken(TokenRecord record) {
        checkOpen();
        writtenTokens.put(record.tokenName(), record);
    }

    /**
     * @param tokenName the name
     * @return whether a token entry existed
     */
    public boolean deleteToken(String tokenName) {
        checkOpen();
        boolean existed = write(() -> storage.delete(namespace, InstanceStore.tokenEntry(tokenName)));
        writtenTokens.put(tokenName, null);
        return existed;
    }

    /** @return the pending removals (tombstones) stored now, oldest first */
    public List<PendingRemovalRecord> pendingRemovals() {
        checkOpen();
        return store.readPendingRemovals();
    }

    /** @param record a tombstone, stored at once */
    public void putPendingRemoval(PendingRemovalRecord record) {
        checkOpen();
        SecretBytes encoded = record.encode();
        try {
            write(() -> {
                storage.put(namespace, InstanceStore.pendingRemovalEntry(record.tokenId()), encoded);
                return null;
            });
        } finally {
            encoded.destroy();
        }
    }

    /**
     * @param tokenId the server token id
     * @return whether a tombstone existed
     */
    public boolean deletePendingRemoval(TokenId tokenId) {
        checkOpen();
        return write(() -> storage.delete(namespace, InstanceStore.pendingRemovalEntry(tokenId)));
    }

    /** Deletes every token entry, unreadable ones included, in one storage step. */
    public void deleteAllTokens() {
        checkOpen();
        List<String> entries = store.tokenEntries();
        write(() -> storage.deleteAll(namespace, entries));
        tokensWiped = true;
        writtenTokens.clear();
    }

    /**
     * Deletes everything the instance stored about its activation (the activation, its tokens, any unknown entry)
     * in one storage step; the server time offset stays.
     */
    public void wipe() {
        checkOpen();
        List<String> entries = store.activationEntries();
        write(() -> storage.deleteAll(namespace, entries));
        wiped = true;
        tokensWiped = true;
        writtenTokens.clear();
        activation = null;
        activationRead = true;
    }

    private <R> R write(java.util.function.Supplier<R> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            uncertain = true;
            throw e;
        }
    }

    /** @return whether a write failed, so that storage may or may not hold it */
    boolean uncertain() {
        return uncertain;
    }

    void finish() {
        open = false;
        try {
            endVersion = OptionalLong.of(storage.version(namespace));
        } catch (StorageException e) {
            endVersion = OptionalLong.empty();
        }
    }

    long startVersion() {
        return startVersion;
    }

    /** @return the storage version at the end, or empty if it could not be read */
    OptionalLong endVersion() {
        return endVersion;
    }

    /** @return whether the activation entry is known as of the end (read or written) */
    boolean activationKnown() {
        return activationRead;
    }

    ActivationRecord knownActivation() {
        return activation;
    }

    /** @return tokens written (a record) or deleted ({@code null}) by name, after any wipe */
    Map<String, TokenRecord> writtenTokens() {
        return writtenTokens;
    }

    /** @return whether every token entry was deleted (before the writes in {@link #writtenTokens()}) */
    boolean tokensWiped() {
        return tokensWiped;
    }

    boolean wiped() {
        return wiped;
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended");
        }
    }
}
