package org.opentokens.powerauth.token.domain.error;

/**
 * An activation status blob of the right length did not decrypt to a valid blob: its magic header is wrong.
 *
 * <p>This means the transport key, the challenge or the nonce does not match the ones the server used
 * (or the blob was altered in transit). The message never contains key material or blob bytes.
 */
public final class StatusBlobException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param message a description without secret values */
    public StatusBlobException(String message) {
        super(message);
    }
}
