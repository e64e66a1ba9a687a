package org.opentokens.powerauth.token.domain.internal.keys;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.opentokens.powerauth.token.domain.internal.crypto.Kdf;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;

/**
 * The five keys derived from the master secret: the three signature keys ({@code KEY_SIGNATURE_POSSESSION},
 * {@code KEY_SIGNATURE_KNOWLEDGE}, {@code KEY_SIGNATURE_BIOMETRY}), {@code KEY_TRANSPORT} and
 * {@code KEY_ENCRYPTION_VAULT}.
 *
 * <p>Redacted {@code toString}, no {@code equals}. {@link #destroy()} destroys all five keys (best effort).
 * The vault key is meant to be used once, to encrypt the device private key, and never stored.
 */
public final class ActivationKeys implements Destroyable {
    /** KDF index of the possession signature key. */
    public static final long POSSESSION_INDEX = 1;
    /** KDF index of the knowledge signature key. */
    public static final long KNOWLEDGE_INDEX = 2;
    /** KDF index of the biometry signature key. */
    public static final long BIOMETRY_INDEX = 3;
    /** KDF index of the transport key. */
    public static final long TRANSPORT_INDEX = 1000;
    /** KDF index of the vault encryption key. */
    public static final long VAULT_INDEX = 2000;

    private final SymmetricKey possession;
    private final SymmetricKey knowledge;
    private final SymmetricKey biometry;
    private final SymmetricKey transport;
    private final SymmetricKey vault;

    private ActivationKeys(SymmetricKey possession, SymmetricKey knowledge, SymmetricKey biometry,
            SymmetricKey transport, SymmetricKey vault) {
        this.possession = possession;
        this.knowledge = knowledge;
        this.biometry = biometry;
        this.transport = transport;
        this.vault = vault;
    }

    /**
     * Derives all activation keys with {@code KDF(master, index)}.
     *
     * @param master the master secret from {@link MasterSecret#compute}
     * @return the derived keys, owned by the caller
     */
    public static ActivationKeys derive(SymmetricKey master) {
        Objects.requireNonNull(master, "master");
        return new ActivationKeys(
                Kdf.derive(master, POSSESSION_INDEX),
                Kdf.derive(master, KNOWLEDGE_INDEX),
                Kdf.derive(master, BIOMETRY_INDEX),
                Kdf.derive(master, TRANSPORT_INDEX),
                Kdf.derive(master, VAULT_INDEX));
    }

    /** @return {@code KEY_SIGNATURE_POSSESSION} (index 1) */
    public SymmetricKey possession() {
        return possession;
    }

    /** @return {@code KEY_SIGNATURE_KNOWLEDGE} (index 2) */
    public SymmetricKey knowledge() {
        return knowledge;
    }

    /** @return {@code KEY_SIGNATURE_BIOMETRY} (index 3) */
    public SymmetricKey biometry() {
        return biometry;
    }

    /** @return {@code KEY_TRANSPORT} (index 1000) */
    public SymmetricKey transport() {
        return transport;
    }

    /** @return {@code KEY_ENCRYPTION_VAULT} (index 2000) */
    public SymmetricKey vault() {
        return vault;
    }

    /** Destroys all five keys (best effort, see {@link SymmetricKey#destroy()}). */
    @Override
    public void destroy() {
        possession.destroy();
        knowledge.destroy();
        biometry.destroy();
        transport.destroy();
        vault.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return possession.isDestroyed() && knowledge.isDestroyed() && biometry.isDestroyed()
                && transport.isDestroyed() && vault.isDestroyed();
    }

    @Override
    public String toString() {
        return "ActivationKeys[redacted]";
    }
}
