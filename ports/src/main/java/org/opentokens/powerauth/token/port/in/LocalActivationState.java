package org.opentokens.powerauth.token.port.in;

/** Where this instance's activation stands locally. */
public enum LocalActivationState {
    /** No activation. */
    NONE,
    /** Created on the server, waiting for {@link ActivationUseCase#commitActivation}; held in memory only. */
    CREATED,
    /** Committed and persisted; the server may still be waiting for its own commit. */
    COMMITTED
}
