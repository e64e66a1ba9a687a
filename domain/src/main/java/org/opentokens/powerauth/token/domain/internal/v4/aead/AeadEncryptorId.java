package org.opentokens.powerauth.token.domain.internal.v4.aead;

import java.nio.charset.StandardCharsets;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;

/** The protocol 4.0 encryptors: each has a sharedInfo1 value and a scope. */
public enum AeadEncryptorId {
    /** Generic application scope ({@code /pa/v4/activation/create} layer 1, other unsigned application calls). */
    APPLICATION_SCOPE_GENERIC("/pa/generic/application", AeadScope.APPLICATION),
    /** Generic activation scope ({@code /pa/v4/activation/status}, detail, rename, user info). */
    ACTIVATION_SCOPE_GENERIC("/pa/generic/activation", AeadScope.ACTIVATION),
    /** Activation layer 2, inside layer 1. */
    ACTIVATION_LAYER_2("/pa/activation", AeadScope.APPLICATION),
    /** Upgrade from 3.x to 4.0. */
    UPGRADE_START("/pa/upgrade/start", AeadScope.APPLICATION),
    /** Vault unlock. */
    VAULT_UNLOCK("/pa/vault/unlock", AeadScope.ACTIVATION),
    /** Token creation. */
    CREATE_TOKEN("/pa/token/create", AeadScope.ACTIVATION),
    /** Password change. */
    CHANGE_PASSWORD("/pa/password/change", AeadScope.ACTIVATION),
    /** Biometry set-up. */
    SETUP_BIOMETRY("/pa/biometry/add", AeadScope.ACTIVATION);

    private final String value;
    private final AeadScope scope;

    AeadEncryptorId(String value, AeadScope scope) {
        this.value = value;
        this.scope = scope;
    }

    /** @return the encryptor value, e.g. {@code "/pa/token/create"} */
    public String value() {
        return value;
    }

    /** @return the scope */
    public AeadScope scope() {
        return scope;
    }

    /** @return {@code sharedInfo1 = utf8("4.0") || utf8(value)} */
    public byte[] sharedInfo1() {
        return (V4Protocol.VERSION + value).getBytes(StandardCharsets.UTF_8);
    }
}
