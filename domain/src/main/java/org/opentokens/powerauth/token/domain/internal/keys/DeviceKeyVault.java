package org.opentokens.powerauth.token.domain.internal.keys;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Aes;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPrivateKey;
import org.opentokens.powerauth.token.domain.internal.crypto.Kdf;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The secure vault: the device private key is stored encrypted with {@code KEY_ENCRYPTION_VAULT}
 * ({@code AES-128-CBC-PKCS7}, zero IV), and the server hands the vault key back, encrypted with
 * {@code KEY_TRANSPORT}, after a signed {@code /pa/v3/vault/unlock}.
 *
 * <p>The private key is encrypted in the form Wultra's Java library uses: the scalar as a minimal
 * two's-complement big-endian integer (a leading zero byte when the top bit is set, leading zero bytes
 * dropped), so it can be 1 to 33 bytes long. Decryption accepts that form and plain 32-byte scalars.
 */
public final class DeviceKeyVault {
    private DeviceKeyVault() {
    }

    /**
     * Encrypts the device private key for storage.
     *
     * @param devicePrivate the device private key
     * @param vaultKey {@code KEY_ENCRYPTION_VAULT}
     * @return the ciphertext (32 or 48 bytes)
     */
    public static byte[] encryptDevicePrivateKey(EcPrivateKey devicePrivate, SymmetricKey vaultKey) {
        Objects.requireNonNull(devicePrivate, "devicePrivate");
        Objects.requireNonNull(vaultKey, "vaultKey");
        byte[] signed = devicePrivate.copySignedBytes(InsecureSecretAccess.get());
        byte[] key = vaultKey.copyBytes(InsecureSecretAccess.get());
        try {
            return Aes.cbcEncryptPadded(key, Aes.zeroIv(), signed);
        } finally {
            Bytes.wipe(signed);
            Bytes.wipe(key);
        }
    }

    /**
     * Decrypts a stored device private key.
     *
     * <p>A wrong vault key is usually caught by the padding check or the scalar checks, but not always: about
     * one wrong key in 256 passes the padding check, and may then yield a wrong private key.
     *
     * @param encrypted the ciphertext from {@link #encryptDevicePrivateKey}
     * @param vaultKey {@code KEY_ENCRYPTION_VAULT}
     * @return the device private key
     * @throws MalformedDataException if the ciphertext length is wrong or the plaintext is not a valid P-256 scalar
     * @throws CryptoFailureException with {@code BAD_PADDING} if the padding is invalid
     */
    public static EcPrivateKey decryptDevicePrivateKey(byte[] encrypted, SymmetricKey vaultKey) {
        Objects.requireNonNull(encrypted, "encrypted");
        Objects.requireNonNull(vaultKey, "vaultKey");
        byte[] key = vaultKey.copyBytes(InsecureSecretAccess.get());
        byte[] plain = null;
        try {
            plain = Aes.cbcDecryptPadded(key, Aes.zeroIv(), encrypted);
            return EcPrivateKey.fromSignedBytes(plain);
        } finally {
            Bytes.wipe(key);
            Bytes.wipe(plain);
        }
    }

    /**
     * Decrypts the vault encryption key returned by {@code /pa/v3/vault/unlock}.
     *
     * @param encrypted {@code encryptedVaultEncryptionKey}, Base64-decoded
     * @param transport {@code KEY_TRANSPORT}
     * @return {@code KEY_ENCRYPTION_VAULT}
     * @throws MalformedDataException if the ciphertext length is wrong or the plaintext is not 16 bytes
     * @throws CryptoFailureException with {@code BAD_PADDING} if the padding is invalid
     */
    public static SymmetricKey decryptVaultEncryptionKey(byte[] encrypted, SymmetricKey transport) {
        Objects.requireNonNull(encrypted, "encrypted");
        Objects.requireNonNull(transport, "transport");
        byte[] key = transport.copyBytes(InsecureSecretAccess.get());
        byte[] plain = null;
        try {
            plain = Aes.cbcDecryptPadded(key, Aes.zeroIv(), encrypted);
            if (plain.length != SymmetricKey.LENGTH) {
                throw new MalformedDataException("decrypted vault encryption key must be 16 bytes");
            }
            return SymmetricKey.of(plain);
        } finally {
            Bytes.wipe(key);
            Bytes.wipe(plain);
        }
    }

    /**
     * A key derived from the vault key for the host's own use (the mobile SDKs' {@code fetchEncryptionKey}):
     * {@code KDF(KEY_ENCRYPTION_VAULT, index)}.
     *
     * @param vaultKey {@code KEY_ENCRYPTION_VAULT}
     * @param index the key index
     * @return the 16 key bytes; the caller should wipe them after use
     */
    public static byte[] deriveEncryptionKey(SymmetricKey vaultKey, long index) {
        Objects.requireNonNull(vaultKey, "vaultKey");
        SymmetricKey derived = Kdf.derive(vaultKey, index);
        try {
            return derived.copyBytes(InsecureSecretAccess.get());
        } finally {
            derived.destroy();
        }
    }
}
