package org.opentokens.powerauth.token.application.internal;

/**
 * An activation created on the server and waiting for the local commit, of either protocol; held in memory only.
 */
public interface CreatedActivation {

    /** @return the activation id */
    String activationId();

    /** @return the fingerprint to show the user */
    String fingerprint();

    /** Wipes the secrets it holds. */
    void destroy();
}
