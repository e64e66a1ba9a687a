package org.opentokens.powerauth.token.port.in;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;

/**
 * The factors for one signed operation, or for committing an activation: possession always, plus the password
 * (knowledge), a host-supplied biometry key, or both. Single use: the factories copy the password and key (wipe your
 * own arrays), and the library destroys the authentication when its operation finishes, wiping the copies (best
 * effort); a destroyed one fails with {@link IllegalStateException}. {@code toString} shows only the factors. An empty
 * password or a biometry key that is not 16 bytes throws {@link IllegalArgumentException}, null
 * {@link NullPointerException}.
 */
public final class PowerAuthAuthentication implements Destroyable {
    private static final int BIOMETRY_KEY_BYTES = 16;

    private final PowerAuthSignatureType signatureType;
    private final char[] password;
    private final byte[] biometryKey;
    private volatile boolean destroyed;

    private PowerAuthAuthentication(PowerAuthSignatureType type, char[] password, byte[] biometryKey) {
        this.signatureType = type;
        if (password != null && password.length == 0) {
            throw new IllegalArgumentException("password must not be empty");
        }
        if (biometryKey != null && biometryKey.length != BIOMETRY_KEY_BYTES) {
            throw new IllegalArgumentException("biometry key must be " + BIOMETRY_KEY_BYTES + " bytes, not "
                    + biometryKey.length);
        }
        this.password = password == null ? null : password.clone();
        this.biometryKey = biometryKey == null ? null : biometryKey.clone();
    }

    /** @return possession only (1FA) */
    public static PowerAuthAuthentication possession() {
        return new PowerAuthAuthentication(PowerAuthSignatureType.POSSESSION, null, null);
    }

    /**
     * @param password the user's password or PIN; copied
     * @return possession and knowledge (2FA)
     */
    public static PowerAuthAuthentication possessionWithPassword(char[] password) {
        return new PowerAuthAuthentication(PowerAuthSignatureType.POSSESSION_KNOWLEDGE,
                Objects.requireNonNull(password, "password"), null);
    }

    /**
     * @param biometryKey the 16-byte key the host releases after a biometric check; copied
     * @return possession and biometry (2FA)
     */
    public static PowerAuthAuthentication possessionWithBiometry(byte[] biometryKey) {
        return new PowerAuthAuthentication(PowerAuthSignatureType.POSSESSION_BIOMETRY, null,
                Objects.requireNonNull(biometryKey, "biometryKey"));
    }

    /**
     * @param password the user's password; copied
     * @param biometryKey the host's 16-byte biometry key; copied
     * @return all three factors
     */
    public static PowerAuthAuthentication possessionWithPasswordAndBiometry(char[] password, byte[] biometryKey) {
        return new PowerAuthAuthentication(PowerAuthSignatureType.POSSESSION_KNOWLEDGE_BIOMETRY,
                Objects.requireNonNull(password, "password"), Objects.requireNonNull(biometryKey, "biometryKey"));
    }

    /**
     * For {@link ActivationUseCase#commitActivation}: the password protects the knowledge key.
     *
     * @param password the new password; copied
     * @return the commit authentication
     */
    public static PowerAuthAuthentication commitWithPassword(char[] password) {
        return possessionWithPassword(password);
    }

    /**
     * For {@link ActivationUseCase#commitActivation}: the password protects the knowledge key and the host's key
     * the biometry key.
     *
     * @param password the new password; copied
     * @param biometryKey the host's 16-byte biometry key; copied
     * @return the commit authentication
     */
    public static PowerAuthAuthentication commitWithPasswordAndBiometry(char[] password, byte[] biometryKey) {
        return possessionWithPasswordAndBiometry(password, biometryKey);
    }

    /** @return the signature type these factors give */
    public PowerAuthSignatureType signatureType() {
        return signatureType;
    }

    /**
     * @return a copy of the password, which the caller must wipe; empty without knowledge
     * @throws IllegalStateException if destroyed
     */
    public Optional<char[]> copyPassword() {
        checkAlive();
        return Optional.ofNullable(password).map(char[]::clone);
    }

    /**
     * @return a copy of the 16 biometry key bytes, which the caller must wipe; empty without biometry
     * @throws IllegalStateException if destroyed
     */
    public Optional<byte[]> copyBiometryKey() {
        checkAlive();
        return Optional.ofNullable(biometryKey).map(byte[]::clone);
    }

    /** Wipes the password and key. Idempotent. */
    @Override
    public void destroy() {
        destroyed = true;
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        if (biometryKey != null) {
            Arrays.fill(biometryKey, (byte) 0);
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** @throws IllegalStateException if destroyed */
    public void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("this PowerAuthAuthentication was already used or destroyed");
        }
    }

    @Override
    public String toString() {
        return "PowerAuthAuthentication[" + signatureType.wireValue() + (destroyed ? ", destroyed" : "") + "]";
    }
}
