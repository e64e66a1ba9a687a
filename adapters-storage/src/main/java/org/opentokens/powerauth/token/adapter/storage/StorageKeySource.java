package org.opentokens.powerauth.token.adapter.storage;

import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * Supplies the 32-byte master key of an encrypting storage adapter, such as the SQLite adapter. The adapter calls
 * {@link #createKey()} once when a store is created, keeps the non-secret {@linkplain StorageKey#parameters()
 * parameters} next to the data, and passes them to {@link #recoverKey(byte[])} at every later open, checking the
 * result against a key-check value of its own. Implementations must be safe for concurrent use; see
 * {@link StorageKeySources#rawKey}, {@link StorageKeySources#passphrase} and {@code KeyringStorageKeySource}.
 */
public interface StorageKeySource {
    /** Length of every master key, in bytes. */
    int KEY_BYTES = 32;

    /**
     * @return a short, stable name of the method ({@code "raw"}, {@code "pbkdf2-sha256"}, {@code "keychain"}),
     *     stored in the clear so that opening a store with a different kind of source fails clearly
     */
    String method();

    /**
     * Makes the key of a new store.
     *
     * @return the key and the parameters to keep with the store
     * @throws org.opentokens.powerauth.token.domain.error.StorageException if an external key holder fails
     */
    StorageKey createKey();

    /**
     * Recovers the key of an existing store.
     *
     * @param parameters what {@link #createKey()} returned for this store
     * @return the key, owned by the caller
     * @throws org.opentokens.powerauth.token.domain.error.StorageLockedException if the key cannot be recovered
     *     (for example the keychain no longer holds it)
     * @throws org.opentokens.powerauth.token.domain.error.StorageCorruptException if the parameters are damaged
     * @throws org.opentokens.powerauth.token.domain.error.StorageException if an external key holder fails
     */
    SecretBytes recoverKey(byte[] parameters);

    /**
     * Forgets a key made by {@link #createKey()} for a store that was never used (another process created
     * the store first). The default does nothing.
     *
     * @param parameters what {@link #createKey()} returned
     */
    default void discardKey(byte[] parameters) {
        // nothing is held outside the store by default
    }
}
