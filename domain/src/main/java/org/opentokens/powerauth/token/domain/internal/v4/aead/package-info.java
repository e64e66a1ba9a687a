/**
 * Protocol 4.0 end-to-end encryption, which replaces ECIES: the AES-256-CTR + KMAC256 {@link
 * org.opentokens.powerauth.token.domain.internal.v4.aead.Aead}, the request/response envelope of
 * {@link org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptor} (sharedInfo1/2, associated data, 24-byte
 * request nonce) and the {@code X-PowerAuth-Encryption} 4.0 header. The envelope key comes from a temporary key's KEM
 * exchange; JSON is the caller's business.
 */
package org.opentokens.powerauth.token.domain.internal.v4.aead;
