package org.opentokens.powerauth.token.domain.internal.v4.aead;

/** Whether an envelope is bound to the application only or also to an activation. */
public enum AeadScope {
    /** Application scope: sharedInfo2 is {@code SHA3-256(appSecret)}; no activation ID in the associated data. */
    APPLICATION,
    /** Activation scope: sharedInfo2 is a KMAC with {@code KEY_E2EE_SH2}; the activation ID is in the associated data. */
    ACTIVATION
}
