package org.opentokens.powerauth.token.domain.internal.ecies;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;

/** The purpose of an ECIES exchange: its {@code sharedInfo1} constant and its scope. */
public enum EciesEncryptorId {
    /** Generic application-scope encryption, also layer 1 of activation create. */
    APPLICATION_SCOPE_GENERIC("/pa/generic/application", EciesScope.APPLICATION),
    /** Generic activation-scope encryption. */
    ACTIVATION_SCOPE_GENERIC("/pa/generic/activation", EciesScope.ACTIVATION),
    /** Layer 2 of {@code /pa/v3/activation/create}. */
    ACTIVATION_LAYER_2("/pa/activation", EciesScope.APPLICATION),
    /** {@code /pa/v3/token/create}. */
    CREATE_TOKEN("/pa/token/create", EciesScope.ACTIVATION),
    /** {@code /pa/v3/vault/unlock}. */
    VAULT_UNLOCK("/pa/vault/unlock", EciesScope.ACTIVATION),
    /** {@code /pa/v3/upgrade/start}. */
    UPGRADE("/pa/upgrade", EciesScope.ACTIVATION),
    /** {@code /pa/v3/recovery/confirm}. */
    CONFIRM_RECOVERY_CODE("/pa/recovery/confirm", EciesScope.ACTIVATION);

    private final String value;
    private final EciesScope scope;

    EciesEncryptorId(String value, EciesScope scope) {
        this.value = value;
        this.scope = scope;
    }

    /** @return the {@code sharedInfo1} constant without a version prefix, for example {@code "/pa/token/create"} */
    public String value() {
        return value;
    }

    /** @return the scope whose secrets this exchange uses */
    public EciesScope scope() {
        return scope;
    }

    /**
     * @param version the protocol version
     * @return {@code utf8(constant)} for 3.0 and 3.1, {@code utf8(version || constant)} from 3.2 on
     */
    public byte[] sharedInfo1(ProtocolVersion version) {
        Objects.requireNonNull(version, "version");
        String text = version.usesEciesTimestamp() ? version.wireValue() + value : value;
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
