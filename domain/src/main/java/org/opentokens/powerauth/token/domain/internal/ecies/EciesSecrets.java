package org.opentokens.powerauth.token.domain.internal.ecies;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.HmacSha256Key;
import org.opentokens.powerauth.token.domain.internal.crypto.Sha256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * The key material of ECIES on the client: the server's encryption public key and {@code SH2_BASE}, which hashes the
 * Base64 <em>text</em> of the app secret ({@code SHA256(utf8(appSecretB64))} for application scope,
 * {@code HMAC-SHA256(KEY_TRANSPORT, utf8(appSecretB64))} for activation scope). Only the derived 32 bytes are kept.
 * Redacted {@code toString}, no {@code equals} ({@link #sameSecretsAs}); {@link #destroy()} zeroes them (best effort).
 */
public final class EciesSecrets implements Destroyable {
    private final EciesScope scope;
    private final EcPublicKey encryptionPublicKey;
    private final SecretBytes sharedInfo2Base;

    private EciesSecrets(EciesScope scope, EcPublicKey encryptionPublicKey, SecretBytes sharedInfo2Base) {
        this.scope = scope;
        this.encryptionPublicKey = encryptionPublicKey;
        this.sharedInfo2Base = sharedInfo2Base;
    }

    /**
     * @param encryptionPublicKey {@code KEY_SERVER_MASTER_PUBLIC} (before 3.3) or the application-scope temporary key
     * @param appSecretB64 the app secret as Base64 text of 16 bytes
     * @return application-scope secrets
     * @throws MalformedDataException if the app secret is not Base64 of 16 bytes
     */
    public static EciesSecrets forApplication(EcPublicKey encryptionPublicKey, String appSecretB64) {
        Objects.requireNonNull(encryptionPublicKey, "encryptionPublicKey");
        byte[] text = appSecretText(appSecretB64);
        try {
            return new EciesSecrets(EciesScope.APPLICATION, encryptionPublicKey,
                    SecretBytes.takeOwnership(Sha256.hash(text)));
        } finally {
            Bytes.wipe(text);
        }
    }

    /**
     * @param encryptionPublicKey {@code KEY_SERVER_PUBLIC} (before 3.3) or the activation-scope temporary key
     * @param appSecretB64 the app secret as Base64 text of 16 bytes
     * @param transportKey the activation's {@code KEY_TRANSPORT}
     * @return activation-scope secrets
     * @throws MalformedDataException if the app secret is not Base64 of 16 bytes
     */
    public static EciesSecrets forActivation(EcPublicKey encryptionPublicKey, String appSecretB64,
                                             SymmetricKey transportKey) {
        Objects.requireNonNull(encryptionPublicKey, "encryptionPublicKey");
        Objects.requireNonNull(transportKey, "transportKey");
        byte[] text = appSecretText(appSecretB64);
        byte[] key = transportKey.copyBytes(InsecureSecretAccess.get());
        try {
            return new EciesSecrets(EciesScope.ACTIVATION, encryptionPublicKey,
                    SecretBytes.takeOwnership(HmacSha256Key.compute(key, text)));
        } finally {
            Bytes.wipe(text);
            Bytes.wipe(key);
        }
    }

    private static byte[] appSecretText(String appSecretB64) {
        Objects.requireNonNull(appSecretB64, "appSecretB64");
        Bytes.wipe(B64.decode(appSecretB64, "app secret", 16));
        return Bytes.utf8(appSecretB64);
    }

    /** @return the scope these secrets belong to */
    public EciesScope scope() {
        return scope;
    }

    /** @return the public key requests are encrypted to */
    public EcPublicKey encryptionPublicKey() {
        return encryptionPublicKey;
    }

    /**
     * @param access proof of the right to see raw bytes
     * @return a copy of the 32-byte {@code SH2_BASE}; wipe after use
     */
    public byte[] copySharedInfo2Base(SecretAccess access) {
        return sharedInfo2Base.copyBytes(access);
    }

    /**
     * @param other other secrets
     * @return true when both have the same scope, public key and {@code SH2_BASE} (constant time on the secret part)
     */
    public boolean sameSecretsAs(EciesSecrets other) {
        boolean sameBase = sharedInfo2Base.sameBytesAs(other.sharedInfo2Base);
        return sameBase & scope == other.scope & encryptionPublicKey.equals(other.encryptionPublicKey);
    }

    /** Zeroes the derived {@code SH2_BASE}; later use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        sharedInfo2Base.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return sharedInfo2Base.isDestroyed();
    }

    @Override
    public String toString() {
        return "EciesSecrets[" + scope + ", redacted]";
    }
}
