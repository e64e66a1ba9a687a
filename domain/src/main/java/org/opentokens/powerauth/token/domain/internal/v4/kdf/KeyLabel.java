package org.opentokens.powerauth.token.domain.internal.v4.kdf;

/**
 * The labels of the protocol 4.0 key hierarchy. Each key is {@code V4Kdf.derive(parent, label, null, 32)}; the
 * parent is {@code KEY_ACTIVATION_SECRET} for the three key-derivation keys and the matching key-derivation key
 * for the others.
 */
public enum KeyLabel {
    /** {@code KDK_AUTH}, parent of the factor keys. */
    KDK_AUTH("auth", null),
    /** {@code KDK_VAULT}, parent of the vault keys. */
    KDK_VAULT("vault", null),
    /** {@code KDK_UTIL}, parent of the MAC and sharedInfo2 keys. */
    KDK_UTIL("util", null),
    /** The possession factor key. */
    AUTH_POSSESSION("auth/possession", KDK_AUTH),
    /** The knowledge factor key (until a password change replaces it). */
    AUTH_KNOWLEDGE("auth/knowledge", KDK_AUTH),
    /** The biometry factor key (until biometry set-up replaces it). */
    AUTH_BIOMETRY("auth/biometry", KDK_AUTH),
    /** The key-encryption key of the device private keys. */
    VAULT_KEK_DEVICE_PRIVATE("vault/kek-device-private", KDK_VAULT),
    /** The application vault's key-derivation key for knowledge. */
    VAULT_KDK_APP_VAULT_KNOWLEDGE("vault/kdk-app-vault-knowledge", KDK_VAULT),
    /** The application vault's key-derivation key for two factors. */
    VAULT_KDK_APP_VAULT_2FA("vault/kdk-app-vault-2fa", KDK_VAULT),
    /** {@code KEY_MAC_CTR_DATA}: the counter-data hash in the status blob. */
    UTIL_MAC_CTR_DATA("util/mac/ctr-data", KDK_UTIL),
    /** {@code KEY_MAC_STATUS}: the status blob MAC. */
    UTIL_MAC_STATUS("util/mac/status", KDK_UTIL),
    /** The MAC key of the activation-scope temporary-key request JWT. */
    UTIL_MAC_GET_ACT_TEMP_KEY("util/mac/get-act-temp-key", KDK_UTIL),
    /** The MAC key of personalized offline data. */
    UTIL_MAC_PERSONALIZED_DATA("util/mac/personalized-data", KDK_UTIL),
    /** {@code KEY_E2EE_SH2}: the activation-scope sharedInfo2 key. */
    UTIL_KEY_E2EE_SH2("util/key-e2ee-sh2", KDK_UTIL),
    /** The MAC key of the application-scope temporary-key request JWT, derived directly from the application secret. */
    UTIL_MAC_GET_APP_TEMP_KEY("util/mac/get-app-temp-key", null),
    /** The AEAD encryption key, derived from the envelope key with the key context as diversifier. */
    AEAD_ENC("aead/enc", null),
    /** The AEAD MAC key, derived from the envelope key with the key context as diversifier. */
    AEAD_MAC("aead/mac", null);

    private final String label;
    private final KeyLabel parent;

    KeyLabel(String label, KeyLabel parent) {
        this.label = label;
        this.parent = parent;
    }

    /** @return the label text fed to the KDF */
    public String label() {
        return label;
    }

    /** @return the key-derivation key this key is derived from, or null when it is derived from its input directly */
    public KeyLabel parent() {
        return parent;
    }
}
