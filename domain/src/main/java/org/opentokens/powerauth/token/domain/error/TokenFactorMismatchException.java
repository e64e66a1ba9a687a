package org.opentokens.powerauth.token.domain.error;


/** A token of this name is already stored or being requested with other factors; request it under another name, or remove it first. */
public final class TokenFactorMismatchException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing or wrong, without secrets */
    public TokenFactorMismatchException(String message) {
        super(message);
    }
}
