package org.opentokens.powerauth.testkit;

/** A request the emulator refuses, turned into a PowerAuth error body with this status and code. */
final class EmulatorRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    EmulatorRejection(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
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

    static EmulatorRejection signature() {
        return new EmulatorRejection(401, ErrorCodes.AUTHENTICATION, ErrorCodes.SIGNATURE_INVALID);
    }

    static EmulatorRejection tokenAuth() {
        return new EmulatorRejection(401, ErrorCodes.TOKEN_AUTH_FAIL, ErrorCodes.TOKEN_AUTH_FAIL_MESSAGE);
    }
}
