package org.opentokens.powerauth.token.domain.error;


/** There is no committed activation, or it was lost (removed locally, reported REMOVED by the server, or replaced) while the operation ran. */
public final class MissingActivationException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing or wrong, without secrets */
    public MissingActivationException(String message) {
        super(message);
    }
}
