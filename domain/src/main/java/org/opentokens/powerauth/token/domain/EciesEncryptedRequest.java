package org.opentokens.powerauth.token.domain;

/**
 * The ECIES request envelope, field for field as sent in JSON. Byte fields are standard Base64.
 *
 * @param temporaryKeyId the temporary key ID (3.3), otherwise {@code null}
 * @param ephemeralPublicKey the ephemeral public key, compressed or uncompressed
 * @param encryptedData the AES-CBC ciphertext
 * @param mac the 32-byte HMAC-SHA256
 * @param nonce the 16-byte request nonce (3.1 and later), otherwise {@code null}
 * @param timestamp the request time in Unix milliseconds (3.2 and later), otherwise {@code null}
 */
public record EciesEncryptedRequest(String temporaryKeyId, String ephemeralPublicKey, String encryptedData,
                                    String mac, String nonce, Long timestamp) {
}
