package org.opentokens.powerauth.token.domain.internal.v4.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;

/**
 * The factor keys available for one authentication code: possession always, knowledge and biometry when unlocked.
 * The keys are not copied; {@link #destroy()} destroys those it holds. Redacted {@code toString}.
 */
public final class FactorKeys implements Destroyable {
    private final V4SymmetricKey possession;
    private final V4SymmetricKey knowledge;
    private final V4SymmetricKey biometry;

    /**
     * @param possession {@code KEY_AUTH_POSSESSION}
     * @param knowledge {@code KEY_AUTH_KNOWLEDGE}, or null when not unlocked
     * @param biometry {@code KEY_AUTH_BIOMETRY}, or null when not available
     */
    public FactorKeys(V4SymmetricKey possession, V4SymmetricKey knowledge, V4SymmetricKey biometry) {
        this.possession = Objects.requireNonNull(possession, "possession");
        this.knowledge = knowledge;
        this.biometry = biometry;
    }

    /**
     * @param type the code type
     * @return the keys the type uses, in the protocol's order: possession, knowledge, biometry
     * @throws SignatureFactorMissingException if a key the type needs is missing
     */
    public List<V4SymmetricKey> keysFor(AuthenticationCodeType type) {
        Objects.requireNonNull(type, "type");
        List<V4SymmetricKey> keys = new ArrayList<>(3);
        if (type.usesPossession()) {
            keys.add(possession);
        }
        if (type.usesKnowledge()) {
            keys.add(require(knowledge, "knowledge", type));
        }
        if (type.usesBiometry()) {
            keys.add(require(biometry, "biometry", type));
        }
        return keys;
    }

    private static V4SymmetricKey require(V4SymmetricKey key, String factor, AuthenticationCodeType type) {
        if (key == null) {
            throw new SignatureFactorMissingException(factor, type.wireValue());
        }
        return key;
    }

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
        return "FactorKeys[possession" + (knowledge != null ? ", knowledge" : "") + (biometry != null ? ", biometry" : "")
                + ", redacted]";
    }
}
