package org.opentokens.powerauth.token.domain.server;

import java.util.Map;
import java.util.Set;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Protocol;
import org.opentokens.powerauth.token.domain.internal.v4.auth.AuthenticationCodeType;
import org.opentokens.powerauth.token.domain.internal.v4.auth.V4AuthorizationHeader;

/**
 * Reads a protocol 4.0 {@code X-PowerAuth-Authorization} header value as PowerAuth Server 2.0 does. Server-side work,
 * so it lives in the domain's test-jar: the tests and the fuzzers use it to check what the client signs.
 *
 * <p>Fields may come in any order ({@link PowerAuthHeaderFields} gives the grammar); the version must be {@code 4.0},
 * every field must be present and not empty, and the values are then checked by
 * {@link V4AuthorizationHeader#fromFields}.
 */
public final class V4AuthorizationHeaderParser {
    private static final String HEADER_NAME = V4AuthorizationHeader.HEADER_NAME;
    private static final Set<String> KEYS = Set.of("pa_version", "pa_activation_id", "pa_application_key", "pa_nonce",
            "pa_auth_code_type", "pa_auth_code");

    private V4AuthorizationHeaderParser() {
    }

    /**
     * @param headerValue the header value
     * @return the header
     * @throws MalformedDataException if the value is not a well-formed 4.0 header; the message never contains values
     */
    public static V4AuthorizationHeader parse(String headerValue) {
        Map<String, String> fields = PowerAuthHeaderFields.parse(headerValue, KEYS,
                message -> new MalformedDataException(HEADER_NAME + ": " + message));
        if (!V4Protocol.VERSION.equals(require(fields, "pa_version"))) {
            throw new MalformedDataException(HEADER_NAME + ": pa_version must be 4.0");
        }
        String activationId = require(fields, "pa_activation_id");
        String applicationKey = require(fields, "pa_application_key");
        String nonce = require(fields, "pa_nonce");
        AuthenticationCodeType type = AuthenticationCodeType.fromWireValue(require(fields, "pa_auth_code_type"));
        String authCode = require(fields, "pa_auth_code");
        return V4AuthorizationHeader.fromFields(activationId, applicationKey, nonce, type, authCode);
    }

    private static String require(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new MalformedDataException(HEADER_NAME + " lacks " + name);
        }
        return value;
    }
}
