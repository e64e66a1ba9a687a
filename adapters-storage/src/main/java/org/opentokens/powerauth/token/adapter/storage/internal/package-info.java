/**
 * Internal: what the storage adapters share and a host never calls: {@code RecordCipher} (AES-256-GCM records
 * under the host's storage key), {@code SealedRowStorage} (the sealed-row core the SQL stores delegate to) and
 * {@code LockFile} (cross-process exclusive sections). Not API; may change in any release.
 */
package org.opentokens.powerauth.token.adapter.storage.internal;
