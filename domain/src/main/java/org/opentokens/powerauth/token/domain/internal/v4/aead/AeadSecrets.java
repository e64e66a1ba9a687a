package org.opentokens.powerauth.token.domain.internal.v4.aead;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Kmac256;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.Sha3;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * The secrets of a 4.0 envelope: the envelope key (the temporary key's KEM secret) and sharedInfo2, which binds the
 * application secret: {@code SHA3-256(B64decode(appSecret))} for application scope,
 * {@code KMAC256(KEY_E2EE_SH2, B64decode(appSecret), 32, "PA4SH2")} for activation scope.
 *
 * <p>Keeps its own copies; redacted {@code toString}; {@link #destroy()} wipes both (best effort).
 */
public final class AeadSecrets implements Destroyable {
    private final AeadScope scope;
    private final V4SymmetricKey envelopeKey;
    private final SecretBytes sharedInfo2;

    private AeadSecrets(AeadScope scope, V4SymmetricKey envelopeKey, SecretBytes sharedInfo2) {
        this.scope = scope;
        this.envelopeKey = envelopeKey;
        this.sharedInfo2 = sharedInfo2;
    }

    /**
     * @param envelopeKey the application-scope temporary key's envelope key; copied
     * @param applicationSecretBase64 the application secret as provisioned
     * @return application-scope secrets
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the secret is not Base64
     */
    public static AeadSecrets forApplication(V4SymmetricKey envelopeKey, String applicationSecretBase64) {
        Objects.requireNonNull(envelopeKey, "envelopeKey");
        byte[] appSecret = B64.decode(applicationSecretBase64, "application secret");
        try {
            return new AeadSecrets(AeadScope.APPLICATION, envelopeKey.copy(),
                    SecretBytes.takeOwnership(Sha3.sha256(appSecret)));
        } finally {
            Bytes.wipe(appSecret);
        }
    }

    /**
     * @param envelopeKey the activation-scope temporary key's envelope key; copied
     * @param applicationSecretBase64 the application secret as provisioned
     * @param sharedInfo2Key {@code KEY_E2EE_SH2} of the activation
     * @return activation-scope secrets
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the secret is not Base64
     */
    public static AeadSecrets forActivation(V4SymmetricKey envelopeKey, String applicationSecretBase64,
            V4SymmetricKey sharedInfo2Key) {
        Objects.requireNonNull(envelopeKey, "envelopeKey");
        Objects.requireNonNull(sharedInfo2Key, "sharedInfo2Key");
        byte[] appSecret = B64.decode(applicationSecretBase64, "application secret");
        byte[] key = sharedInfo2Key.copyBytes(InsecureSecretAccess.get());
        try {
            return new AeadSecrets(AeadScope.ACTIVATION, envelopeKey.copy(),
                    SecretBytes.takeOwnership(Kmac256.mac(key, appSecret, Kmac256.PA4SH2, 32)));
        } finally {
            Bytes.wipe(appSecret);
            Bytes.wipe(key);
        }
    }

    /** @return an independent copy, for a holder that destroys its own */
    static AeadSecrets copyOf(AeadSecrets s) {
        byte[] sh2 = s.sharedInfo2();
        return new AeadSecrets(s.scope, s.envelopeKey.copy(), SecretBytes.takeOwnership(sh2));
    }

    /** @return the scope */
    public AeadScope scope() {
        return scope;
    }

    V4SymmetricKey envelopeKey() {
        return envelopeKey;
    }

    byte[] sharedInfo2() {
        return sharedInfo2.copyBytes(InsecureSecretAccess.get());
    }

    @Override
    public void destroy() {
        envelopeKey.destroy();
        sharedInfo2.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return envelopeKey.isDestroyed();
    }

    @Override
    public String toString() {
        return "AeadSecrets[" + scope + ", redacted]";
    }
}
