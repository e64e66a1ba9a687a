package org.opentokens.powerauth.token.domain;

/** Which secrets an ECIES exchange is bound to. */
public enum EciesScope {
    /** Bound to the application: the app secret and the master (or application temporary) public key. */
    APPLICATION,
    /** Bound to an activation: additionally keyed by the activation's transport key. */
    ACTIVATION
}
