package org.opentokens.powerauth.testkit;

/**
 * A request the emulator refuses, turned into a PowerAuth error body with this status and code. An
 * authentication failure also carries its {@link EmulatorAuthFailure reason}, which the exchange log keeps.
 */
final class EmulatorRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient EmulatorAuthFailure reason;

    EmulatorRejection(int status, String code, String message) {
        this(status, code, message, null);
    }

    private EmulatorRejection(int status, String code, String message, EmulatorAuthFailure reason) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** @return the authentication failure behind this rejection, or null for other rejections */
    EmulatorAuthFailure reason() {
        return reason;
    }

    static EmulatorRejection validation(String message) {
        return new EmulatorRejection(400, ErrorCodes.VALIDATION, message);
    }

    static EmulatorRejection activation() {
        return new EmulatorRejection(400, ErrorCodes.ACTIVATION, ErrorCodes.ACTIVATION_MESSAGE);
    }

    static EmulatorRejection encryption() {
        return new EmulatorRejection(400, ErrorCodes.ENCRYPTION, ErrorCodes.ENCRYPTION_MESSAGE);
    }

    static EmulatorRejection temporaryKey() {
        return new EmulatorRejection(400, ErrorCodes.TEMPORARY_KEY, ErrorCodes.TEMPORARY_KEY_MESSAGE);
    }

    /**
     * A failed token or signature check: the real deployment's uniform body, {@code 401 ERR_AUTHENTICATION /
     * POWER_AUTH_SIGNATURE_INVALID}, whatever the reason.
     */
    static EmulatorRejection authentication(EmulatorAuthFailure reason) {
        return new EmulatorRejection(401, ErrorCodes.AUTHENTICATION, ErrorCodes.SIGNATURE_INVALID, reason);
    }

    /** A failed check with a body that names the reason, as the emulator answered before it hid them. */
    static EmulatorRejection revealed(String code, String message, EmulatorAuthFailure reason) {
        return new EmulatorRejection(401, code, message, reason);
    }
}
