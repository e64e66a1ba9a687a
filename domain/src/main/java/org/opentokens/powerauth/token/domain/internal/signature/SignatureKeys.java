package org.opentokens.powerauth.token.domain.internal.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/**
 * The signature keys available for one signing operation: possession always, knowledge (after the user entered
 * the password) and biometry (after a biometric unlock) when present.
 *
 * <p>The keys are copied in, so this object owns its copies. Redacted {@code toString}, no {@code equals}.
 * {@link #destroy()} destroys the copies (best effort).
 */
public final class SignatureKeys implements Destroyable {
    private final SymmetricKey possession;
    private final SymmetricKey knowledge;
    private final SymmetricKey biometry;

    private SignatureKeys(SymmetricKey possession, SymmetricKey knowledge, SymmetricKey biometry) {
        this.possession = possession;
        this.knowledge = knowledge;
        this.biometry = biometry;
    }

    /**
     * @param possession {@code KEY_SIGNATURE_POSSESSION}
     * @param knowledge {@code KEY_SIGNATURE_KNOWLEDGE}, or null if not unlocked
     * @param biometry {@code KEY_SIGNATURE_BIOMETRY}, or null if not available
     * @return the key set, holding copies of the given keys
     */
    public static SignatureKeys of(SymmetricKey possession, SymmetricKey knowledge, SymmetricKey biometry) {
        Objects.requireNonNull(possession, "possession");
        return new SignatureKeys(copy(possession), copy(knowledge), copy(biometry));
    }

    /**
     * @param possession {@code KEY_SIGNATURE_POSSESSION}
     * @return a key set with the possession key only
     */
    public static SignatureKeys possessionOnly(SymmetricKey possession) {
        return of(possession, null, null);
    }

    /** @return the possession key */
    public SymmetricKey possession() {
        return possession;
    }

    /** @return the knowledge key, if present */
    public Optional<SymmetricKey> knowledge() {
        return Optional.ofNullable(knowledge);
    }

    /** @return the biometry key, if present */
    public Optional<SymmetricKey> biometry() {
        return Optional.ofNullable(biometry);
    }

    /**
     * The keys a signature type uses, in protocol order {@code [possession, knowledge, biometry]}.
     *
     * @param type the signature type
     * @return the keys (owned by this object; do not destroy them individually)
     * @throws SignatureFactorMissingException if a key the type needs is absent
     */
    public List<SymmetricKey> keysFor(PowerAuthSignatureType type) {
        Objects.requireNonNull(type, "type");
        List<SymmetricKey> keys = new ArrayList<>(3);
        if (type.usesPossession()) {
            keys.add(possession);
        }
        if (type.usesKnowledge()) {
            if (knowledge == null) {
                throw new SignatureFactorMissingException("knowledge", type.wireValue());
            }
            keys.add(knowledge);
        }
        if (type.usesBiometry()) {
            if (biometry == null) {
                throw new SignatureFactorMissingException("biometry", type.wireValue());
            }
            keys.add(biometry);
        }
        return List.copyOf(keys);
    }

    /** Destroys the held key copies. */
    @Override
    public void destroy() {
        possession.destroy();
        if (knowledge != null) {
            knowledge.destroy();
        }
        if (biometry != null) {
            biometry.destroy();
        }
    }

    @Override
    public boolean isDestroyed() {
        return possession.isDestroyed();
    }

    @Override
    public String toString() {
        return "SignatureKeys[possession, " + (knowledge != null ? "knowledge, " : "")
                + (biometry != null ? "biometry, " : "") + "redacted]";
    }

    private static SymmetricKey copy(SymmetricKey key) {
        if (key == null) {
            return null;
        }
        byte[] raw = key.copyBytes(InsecureSecretAccess.get());
        try {
            return SymmetricKey.of(raw);
        } finally {
            Bytes.wipe(raw);
        }
    }
}
