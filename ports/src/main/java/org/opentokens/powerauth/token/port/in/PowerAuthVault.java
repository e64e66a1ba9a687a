package org.opentokens.powerauth.token.port.in;

import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;

/**
 * The secure vault: keys that only a signed, two-factor {@code /pa/v3/vault/unlock} releases. The server sends
 * the vault key encrypted with the transport key; it is used for one operation and wiped, never stored.
 *
 * <p>Each call is one signed call (it moves the counter once) and needs two or more factors; the authentication
 * is consumed. Failures: {@link MissingActivationException}, server failures (a wrong password is a 401 the
 * server counts), {@link ClientClosedException}, and {@link FeatureNotSupportedException} on a protocol 4.0
 * activation (before anything is sent).
 */
public interface PowerAuthVault {

    /**
     * Unlocks the vault and derives a key from the vault key, as the mobile SDKs' {@code fetchEncryptionKey}:
     * {@code KDF(KEY_ENCRYPTION_VAULT, index)}. The same index gives the same key for the life of the activation,
     * so a host can encrypt its local data with it.
     *
     * @param authentication two or more factors; consumed
     * @param index the key index
     * @return the 16-byte key; the caller should wipe it after use
     */
    CompletableFuture<byte[]> fetchEncryptionKey(PowerAuthAuthentication authentication, long index);

    /**
     * Unlocks the vault, decrypts the device private key with the vault key and signs the data with it
     * (ECDSA-SHA256). The server checks such signatures with the device public key it received at activation.
     *
     * @param authentication two or more factors; consumed
     * @param data the data to sign
     * @return the DER-encoded signature
     */
    CompletableFuture<byte[]> signDataWithDevicePrivateKey(PowerAuthAuthentication authentication, byte[] data);
}
