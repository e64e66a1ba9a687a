package org.opentokens.powerauth.token.domain.internal.ecies;

/** How the ephemeral public key is sent in {@code ephemeralPublicKey}; servers accept both. */
public enum EphemeralKeyEncoding {
    /** 33-byte SEC1 compressed point, as the mobile SDK sends it (the default). */
    COMPRESSED,
    /** 65-byte SEC1 uncompressed point, as Wultra's Java library sends it. */
    UNCOMPRESSED
}
