package org.opentokens.powerauth.token.domain.internal.crypto;

import java.util.Objects;

/**
 * A P-256 key pair.
 *
 * @param privateKey the private key (redacted in {@code toString})
 * @param publicKey the public key
 */
public record EcKeyPair(EcPrivateKey privateKey, EcPublicKey publicKey) {
    /** Checks that both parts are present. */
    public EcKeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
