package org.opentokens.powerauth.token.domain.error;


/** The operation does not fit the local activation state: creating while an activation exists, committing without a created activation. */
public final class ActivationStateException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing or wrong, without secrets */
    public ActivationStateException(String message) {
        super(message);
    }
}
