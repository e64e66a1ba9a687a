package org.opentokens.powerauth.token.domain.internal.v4.aead;

/**
 * An encrypted 4.0 request body: {@code {"temporaryKeyId","encryptedData","nonce","timestamp"}}.
 *
 * @param temporaryKeyId the temporary key ID
 * @param encryptedData Base64 of the sealed plaintext
 * @param nonce Base64 of the 24-byte request nonce
 * @param timestamp the request time in Unix milliseconds
 */
public record AeadEncryptedRequest(String temporaryKeyId, String encryptedData, String nonce, long timestamp) {
}
