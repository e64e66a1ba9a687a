/**
 * What the storage adapters share without depending on each other: the master-key sources of encrypting
 * adapters ({@link org.opentokens.powerauth.token.adapter.storage.StorageKeySource}, with a host-supplied key
 * and a passphrase in {@link org.opentokens.powerauth.token.adapter.storage.StorageKeySources}; the OS keychain
 * source lives in the keyring adapter), and {@link org.opentokens.powerauth.token.adapter.storage.internal.LockFile}, the
 * cross-process exclusive sections of the persistent adapters. The adapters themselves are in the sub-packages
 * {@code inmemory}, {@code sqlite} and {@code keyring}.
 */
package org.opentokens.powerauth.token.adapter.storage;
