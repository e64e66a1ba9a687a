/**
 * {@link org.opentokens.powerauth.token.port.out.SecureStorage} in the OS keychain
 * ({@link org.opentokens.powerauth.token.adapter.storage.keyring.KeyringSecureStorage}) and a keychain-held
 * master key for encrypting adapters
 * ({@link org.opentokens.powerauth.token.adapter.storage.keyring.KeyringStorageKeySource}). Linux uses the
 * Secret Service through libsecret via JNA; macOS and Windows use java-keyring's back-ends, chosen explicitly
 * by {@link org.opentokens.powerauth.token.adapter.storage.keyring.KeyringPlatform}.
 */
package org.opentokens.powerauth.token.adapter.storage.keyring;
