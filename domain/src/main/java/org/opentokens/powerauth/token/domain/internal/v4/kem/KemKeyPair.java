package org.opentokens.powerauth.token.domain.internal.v4.kem;

/** One KEM's key pair inside a pending exchange: the public key to send and the private key to decapsulate with. */
interface KemKeyPair {
    /** @return the encapsulation key as sent in the request */
    byte[] encapsulationKey();

    /**
     * @param encapsulated the server's ciphertext for this KEM
     * @return the KEM's shared secret; wipe after use
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException if the ciphertext is malformed
     */
    byte[] decapsulate(byte[] encapsulated);

    /** Drops the private key (best effort: Bouncy Castle's key objects cannot be zeroed). */
    void destroy();
}
