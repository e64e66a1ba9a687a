package org.opentokens.powerauth.token.domain.internal.v4.kdf;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;

/**
 * Derives the keys of a protocol 4.0 activation from {@code KEY_ACTIVATION_SECRET}, following {@link KeyLabel}:
 * first the key-derivation key ({@code auth}, {@code vault} or {@code util}), then the key under it.
 *
 * <p>Every result is a new key the caller owns and destroys; intermediate keys are destroyed here.
 */
public final class V4KeyFactory {
    private V4KeyFactory() {
    }

    /**
     * @param activationSecret {@code KEY_ACTIVATION_SECRET}
     * @param label a key of the activation hierarchy (one with a parent, or a key-derivation key)
     * @return the derived key
     * @throws IllegalArgumentException for the labels not derived from the activation secret
     *     ({@link KeyLabel#UTIL_MAC_GET_APP_TEMP_KEY}, {@link KeyLabel#AEAD_ENC}, {@link KeyLabel#AEAD_MAC})
     */
    public static V4SymmetricKey derive(V4SymmetricKey activationSecret, KeyLabel label) {
        Objects.requireNonNull(activationSecret, "activationSecret");
        Objects.requireNonNull(label, "label");
        switch (label) {
            case UTIL_MAC_GET_APP_TEMP_KEY, AEAD_ENC, AEAD_MAC ->
                    throw new IllegalArgumentException(label + " is not derived from the activation secret");
            default -> {
                // handled below
            }
        }
        if (label.parent() == null) {
            return V4Kdf.derive(activationSecret, label, null);
        }
        V4SymmetricKey kdk = V4Kdf.derive(activationSecret, label.parent(), null);
        try {
            return V4Kdf.derive(kdk, label, null);
        } finally {
            kdk.destroy();
        }
    }

    /** @return {@code KEY_AUTH_POSSESSION} */
    public static V4SymmetricKey possessionKey(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.AUTH_POSSESSION);
    }

    /** @return the initial {@code KEY_AUTH_KNOWLEDGE} */
    public static V4SymmetricKey knowledgeKey(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.AUTH_KNOWLEDGE);
    }

    /** @return the initial {@code KEY_AUTH_BIOMETRY} */
    public static V4SymmetricKey biometryKey(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.AUTH_BIOMETRY);
    }

    /** @return {@code KEY_MAC_STATUS} */
    public static V4SymmetricKey statusMacKey(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.UTIL_MAC_STATUS);
    }

    /** @return {@code KEY_MAC_CTR_DATA} */
    public static V4SymmetricKey ctrDataMacKey(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.UTIL_MAC_CTR_DATA);
    }

    /** @return {@code KEY_E2EE_SH2}, the activation-scope sharedInfo2 key */
    public static V4SymmetricKey sharedInfo2Key(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.UTIL_KEY_E2EE_SH2);
    }

    /** @return the MAC key of the activation-scope temporary-key request JWT */
    public static V4SymmetricKey activationTemporaryKeyMacKey(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.UTIL_MAC_GET_ACT_TEMP_KEY);
    }

    /** @return the key-encryption key of the device private keys */
    public static V4SymmetricKey devicePrivateKeyKek(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.VAULT_KEK_DEVICE_PRIVATE);
    }

    /** @return the MAC key of personalized offline data */
    public static V4SymmetricKey personalizedDataMacKey(V4SymmetricKey activationSecret) {
        return derive(activationSecret, KeyLabel.UTIL_MAC_PERSONALIZED_DATA);
    }

    /**
     * @param applicationSecretBase64 the application secret as provisioned (Base64)
     * @return the MAC key of the application-scope temporary-key request JWT:
     *     {@code derive(B64decode(appSecret), "util/mac/get-app-temp-key", null, 32)}
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the secret is not Base64
     */
    public static V4SymmetricKey applicationTemporaryKeyMacKey(String applicationSecretBase64) {
        byte[] appSecret = B64.decode(applicationSecretBase64, "application secret");
        try {
            return V4SymmetricKey.takeOwnership(V4Kdf.derive(appSecret,
                    KeyLabel.UTIL_MAC_GET_APP_TEMP_KEY.label(), null, V4SymmetricKey.LENGTH));
        } finally {
            Bytes.wipe(appSecret);
        }
    }
}
