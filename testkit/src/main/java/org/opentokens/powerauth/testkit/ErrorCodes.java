package org.opentokens.powerauth.testkit;

/** Error codes and messages of the emulator's error bodies, as the real RESTful integration returns them. */
final class ErrorCodes {

    static final String VALIDATION = "ERR_VALIDATION";
    static final String ACTIVATION = "ERR_ACTIVATION";
    static final String ACTIVATION_MESSAGE = "POWER_AUTH_ACTIVATION_INVALID";
    static final String ENCRYPTION = "ERR_ENCRYPTION";
    static final String ENCRYPTION_MESSAGE = "POWER_AUTH_ENCRYPTION_FAILED";
    static final String TEMPORARY_KEY = "ERR_TEMPORARY_KEY";
    static final String TEMPORARY_KEY_MESSAGE = "POWER_AUTH_TEMPORARY_KEY_FAILURE";
    static final String AUTHENTICATION = "ERR_AUTHENTICATION";
    static final String SIGNATURE_INVALID = "POWER_AUTH_SIGNATURE_INVALID";
    static final String REQUEST_INVALID = "POWER_AUTH_REQUEST_INVALID";
    static final String SIGNATURE_TYPE_INVALID = "POWER_AUTH_SIGNATURE_TYPE_INVALID";
    static final String TOKEN_AUTH_FAIL = "POWERAUTH_AUTH_FAIL";
    static final String TOKEN_AUTH_FAIL_MESSAGE = "Token authentication failed";
    static final String TOKEN_TOO_OLD = "ERR0030";
    static final String TOKEN_IN_FUTURE = "ERR0044";
    static final String NOT_FOUND = "ERR_NOT_FOUND";
    static final String METHOD_NOT_ALLOWED = "ERR_METHOD_NOT_ALLOWED";
    static final String INTERNAL = "ERR_INTERNAL";

    private ErrorCodes() {
    }
}
