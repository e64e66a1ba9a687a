package org.opentokens.powerauth.token.adapter.storage;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * A new master key and the non-secret parameters that recover it (see {@link StorageKeySource}).
 * {@link #toString()} shows neither; {@link #destroy()} wipes the key (best effort).
 */
public final class StorageKey implements Destroyable {
    private final SecretBytes key;
    private final byte[] parameters;

    /**
     * @param key the {@value StorageKeySource#KEY_BYTES}-byte key; copied
     * @param parameters the recovery parameters, not secret; copied
     * @throws IllegalArgumentException if the key has the wrong length
     */
    public StorageKey(SecretBytes key, byte[] parameters) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parameters, "parameters");
        if (key.length() != StorageKeySource.KEY_BYTES) {
            throw new IllegalArgumentException("storage key must be " + StorageKeySource.KEY_BYTES + " bytes, got "
                    + key.length());
        }
        this.key = SecretBytes.takeOwnership(key.copyBytes(InsecureSecretAccess.get()));
        this.parameters = parameters.clone();
    }

    /** @return a copy of the key, owned by the caller */
    public SecretBytes key() {
        return SecretBytes.takeOwnership(key.copyBytes(InsecureSecretAccess.get()));
    }

    /** @return a copy of the recovery parameters */
    public byte[] parameters() {
        return parameters.clone();
    }

    @Override
    public void destroy() {
        key.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return key.isDestroyed();
    }

    @Override
    public String toString() {
        return "StorageKey[redacted]";
    }
}
