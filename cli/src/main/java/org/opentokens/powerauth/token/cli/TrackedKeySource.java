package org.opentokens.powerauth.token.cli;

import java.util.Arrays;
import org.opentokens.powerauth.token.adapter.storage.StorageKey;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * A key source that remembers what the store asked of it: whether this process created the store (and with which
 * key parameters, so that a failed {@code activate} can take the keychain item back), and whether the store's own
 * key method matched and its key could not be recovered, which tells a gone keychain item from a store made with a
 * passphrase.
 *
 * <p>A new store asks for its key twice: once to create the file and once to open it. The key made for the first is
 * kept (in memory, until {@link #forgetCreatedKey()}, which the opener calls as soon as the store is open) and given
 * for the second, so that a passphrase's PBKDF2 runs once, not twice, when {@code activate} creates the store.
 */
final class TrackedKeySource implements StorageKeySource {
    private final StorageKeySource delegate;
    private byte[] createdParameters;
    private SecretBytes createdKey;
    private boolean recoverCalled;
    private boolean recoverFailed;

    TrackedKeySource(StorageKeySource delegate) {
        this.delegate = delegate;
    }

    @Override
    public String method() {
        return delegate.method();
    }

    @Override
    public synchronized StorageKey createKey() {
        StorageKey key = delegate.createKey();
        createdParameters = key.parameters();
        forgetCreatedKey();
        createdKey = key.key();
        return key;
    }

    @Override
    public synchronized SecretBytes recoverKey(byte[] parameters) {
        recoverCalled = true;
        if (createdKey != null && Arrays.equals(parameters, createdParameters)) {
            return SecretBytes.takeOwnership(createdKey.copyBytes(InsecureSecretAccess.get()));
        }
        try {
            return delegate.recoverKey(parameters);
        } catch (StorageException e) {
            recoverFailed = true;
            throw e;
        }
    }

    @Override
    public synchronized void discardKey(byte[] parameters) {
        delegate.discardKey(parameters);
        createdParameters = null;
        forgetCreatedKey();
    }

    /** Wipes the key kept from {@link #createKey()}; later recoveries ask the source again. */
    synchronized void forgetCreatedKey() {
        if (createdKey != null) {
            createdKey.destroy();
            createdKey = null;
        }
    }

    /** @return true if this process created the store (another process did not win the race) */
    synchronized boolean created() {
        return createdParameters != null;
    }

    /** Takes back what the source created for a store that is being deleted (a keychain item). */
    synchronized void discardCreated() {
        if (createdParameters != null) {
            discardKey(createdParameters);
        }
    }

    /** @return true if the store's key method was this source's and the source was asked for the key */
    synchronized boolean recoverCalled() {
        return recoverCalled;
    }

    /** @return true if the source itself failed to give the key (as opposed to a key that does not fit) */
    synchronized boolean recoverFailed() {
        return recoverFailed;
    }

    @Override
    public String toString() {
        return "TrackedKeySource[" + delegate + "]";
    }
}
