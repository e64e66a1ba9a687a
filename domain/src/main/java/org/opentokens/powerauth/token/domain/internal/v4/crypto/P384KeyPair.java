package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.util.Objects;

/**
 * A P-384 key pair.
 *
 * @param privateKey the private key (redacted)
 * @param publicKey the public key
 */
public record P384KeyPair(P384PrivateKey privateKey, P384PublicKey publicKey) {
    /** Checks both parts are present. */
    public P384KeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
