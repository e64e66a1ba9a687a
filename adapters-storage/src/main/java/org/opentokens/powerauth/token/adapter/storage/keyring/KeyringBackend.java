package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.Optional;

/**
 * Raw item access to one OS keychain, for one service name: an item is a byte value under an account name.
 * Implementations map every backend failure to the port's typed
 * {@link org.opentokens.powerauth.token.domain.error.StorageException}s and never put item contents in messages.
 */
interface KeyringBackend {
    /** @return the largest item value the keychain accepts, in bytes */
    int maxItemBytes();

    /**
     * @param account the item's account name
     * @return a copy of the item's value, or empty if there is no such item
     */
    Optional<byte[]> read(String account);

    /**
     * Creates or atomically replaces one item.
     *
     * @param account the item's account name
     * @param label a human-readable label, where the keychain shows one
     * @param value at most {@link #maxItemBytes()} bytes
     */
    void write(String account, String label, byte[] value);

    /**
     * @param account the item's account name
     * @return true if the item existed
     */
    boolean delete(String account);
}
