package org.opentokens.powerauth.token.adapter.storage.keyring;

/** libsecret's {@code GError} message, kept as the cause of the typed storage exception. */
final class LibSecretError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LibSecretError(String message) {
        super(message);
    }
}
