/**
 * What the storage adapters share without depending on each other: the master-key sources of encrypting
 * adapters ({@link org.opentokens.powerauth.token.adapter.storage.StorageKeySource}, with a host-supplied key
 * and a passphrase in {@link org.opentokens.powerauth.token.adapter.storage.StorageKeySources}; the OS keychain
 * source lives in the keyring adapter). The adapters themselves are in the sub-packages {@code inmemory},
 * {@code sqlite}, {@code postgres} and {@code keyring}; what they share internally is in {@code internal}.
 */
package org.opentokens.powerauth.token.adapter.storage;
