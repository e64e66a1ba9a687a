package org.opentokens.powerauth.token.domain.error;


/** No local token of the given name exists for the current activation. */
public final class TokenNotFoundException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing or wrong, without secrets */
    public TokenNotFoundException(String message) {
        super(message);
    }
}
