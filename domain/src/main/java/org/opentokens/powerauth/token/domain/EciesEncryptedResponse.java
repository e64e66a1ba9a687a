package org.opentokens.powerauth.token.domain;

/**
 * The ECIES response envelope, field for field as received in JSON. Byte fields are standard Base64.
 *
 * @param encryptedData the AES-CBC ciphertext
 * @param mac the 32-byte HMAC-SHA256
 * @param nonce the 16-byte response nonce (3.2 and later), otherwise {@code null}
 * @param timestamp the response time in Unix milliseconds (3.2 and later), otherwise {@code null}
 */
public record EciesEncryptedResponse(String encryptedData, String mac, String nonce, Long timestamp) {
}
