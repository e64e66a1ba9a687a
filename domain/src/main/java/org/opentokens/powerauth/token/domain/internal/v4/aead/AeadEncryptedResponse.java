package org.opentokens.powerauth.token.domain.internal.v4.aead;

/**
 * An encrypted 4.0 response body: {@code {"encryptedData","timestamp"}}.
 *
 * @param encryptedData Base64 of the sealed plaintext
 * @param timestamp the server's time in Unix milliseconds, or null when the field was missing (rejected on decryption)
 */
public record AeadEncryptedResponse(String encryptedData, Long timestamp) {
}
