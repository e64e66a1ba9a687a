package org.opentokens.powerauth.token.adapter.storage;

import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** {@link StorageKeySources#rawKey}: the host's own key; no parameters. */
final class RawKeySource implements StorageKeySource {
    private final SecretBytes key;

    RawKeySource(SecretBytes key) {
        Objects.requireNonNull(key, "key");
        if (key.length() != KEY_BYTES) {
            throw new IllegalArgumentException("storage key must be " + KEY_BYTES + " bytes, got " + key.length());
        }
        this.key = SecretBytes.takeOwnership(key.copyBytes(InsecureSecretAccess.get()));
    }

    @Override
    public String method() {
        return "raw";
    }

    @Override
    public StorageKey createKey() {
        return new StorageKey(key, new byte[0]);
    }

    @Override
    public SecretBytes recoverKey(byte[] parameters) {
        if (parameters.length != 0) {
            throw new StorageCorruptException("raw key parameters must be empty");
        }
        return SecretBytes.takeOwnership(key.copyBytes(InsecureSecretAccess.get()));
    }

    @Override
    public String toString() {
        return "StorageKeySource[raw, redacted]";
    }
}
