package org.opentokens.powerauth.token.adapter.http.internal;

import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;

/** The {@code /pa/v3} and {@code /pa/v4} endpoints the adapter calls, all with {@code POST}; names them in messages and logs. */
enum Endpoint {
    STATUS("/pa/v3/status"),
    KEYSTORE_CREATE("/pa/v3/keystore/create"),
    ACTIVATION_CREATE("/pa/v3/activation/create"),
    ACTIVATION_STATUS("/pa/v3/activation/status"),
    ACTIVATION_REMOVE("/pa/v3/activation/remove"),
    TOKEN_CREATE("/pa/v3/token/create"),
    TOKEN_REMOVE("/pa/v3/token/remove"),
    SIGNATURE_VALIDATE("/pa/v3/signature/validate"),
    VAULT_UNLOCK("/pa/v3/vault/unlock"),
    RECOVERY_CONFIRM("/pa/v3/recovery/confirm"),
    V4_STATUS("/pa/v4/status"),
    V4_KEYSTORE_CREATE("/pa/v4/keystore/create"),
    V4_ACTIVATION_CREATE("/pa/v4/activation/create"),
    V4_ACTIVATION_STATUS("/pa/v4/activation/status"),
    V4_ACTIVATION_CONFIRM("/pa/v4/activation/confirm"),
    V4_ACTIVATION_REMOVE("/pa/v4/activation/remove"),
    V4_TOKEN_CREATE("/pa/v4/token/create"),
    V4_TOKEN_REMOVE("/pa/v4/token/remove");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** @return the path below the base URI */
    String path() {
        return path;
    }

    /** @return {@code POST} and the path, the prefix of every message about this endpoint */
    String describe() {
        return "POST " + path;
    }

    /**
     * @param value a response field, may be null
     * @param field the field's name in the JSON, for the message
     * @param <T> the field type
     * @return the value
     * @throws InvalidServerResponseException if the value is null
     */
    <T> T require(T value, String field) {
        if (value == null) {
            throw invalid("response lacks " + field);
        }
        return value;
    }

    /**
     * @param what what is wrong with the response, without any of its content
     * @return the exception to throw
     */
    InvalidServerResponseException invalid(String what) {
        return new InvalidServerResponseException(describe() + ": " + what);
    }
}
