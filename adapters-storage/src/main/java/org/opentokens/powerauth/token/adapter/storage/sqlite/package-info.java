/**
 * {@link org.opentokens.powerauth.token.port.out.SecureStorage} in one SQLite file through JDBI, encrypted at
 * rest with AES-256-GCM under a key from a
 * {@link org.opentokens.powerauth.token.adapter.storage.StorageKeySource}:
 * {@link org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage}.
 */
package org.opentokens.powerauth.token.adapter.storage.sqlite;
