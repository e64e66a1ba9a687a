package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.Map;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/**
 * The adapter's strict JSON for HTTP bodies, read and written by a {@link JacksonJsonCodec}, the one place that
 * configures Jackson (its streaming API only, no data binding, so nothing is introspected or generated at
 * start-up): duplicate keys, trailing content and nesting deeper than {@link JsonCodec#MAX_DEPTH} are errors;
 * fields are read with {@link #string} and {@link #integer}, which refuse a value of another JSON type (no coercion
 * of numbers, booleans or floats); unknown response properties are ignored; request records leave null fields out.
 * Failures never carry Jackson's messages, which quote the input.
 */
final class WireJson {
    private static final String WRONG_TYPE = "response has a field of the wrong type";

    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    /**
     * @param object a request body as ordered fields (nested maps for nested objects), without null values
     * @return its compact UTF-8 JSON
     */
    byte[] write(Map<String, ?> object) {
        return codec.write(object);
    }

    /**
     * @param body a response body
     * @param endpoint the endpoint that sent it, for messages
     * @return the top-level JSON object; nested objects are maps, numbers {@code Long}, {@code BigInteger} or
     *     {@code BigDecimal}
     * @throws org.opentokens.powerauth.token.domain.error.InvalidServerResponseException if the body is not one
     *     well-formed JSON object
     */
    Map<String, Object> readObject(byte[] body, Endpoint endpoint) {
        try {
            return codec.readObject(body);
        } catch (MalformedDataException e) {
            throw endpoint.invalid("response is not one well-formed JSON object");
        }
    }

    /**
     * @param object a JSON object
     * @param field a field name
     * @param endpoint the endpoint, for messages
     * @return the field's string, or null if it is absent or JSON null
     * @throws org.opentokens.powerauth.token.domain.error.InvalidServerResponseException if the field is not a string
     */
    static String string(Map<String, Object> object, String field, Endpoint endpoint) {
        Object value = object.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw endpoint.invalid(WRONG_TYPE);
    }

    /**
     * @param object a JSON object
     * @param field a field name
     * @param endpoint the endpoint, for messages
     * @return the field's integer, or null if it is absent or JSON null
     * @throws org.opentokens.powerauth.token.domain.error.InvalidServerResponseException if the field is not an
     *     integer that fits a {@code long} (a float, a string or anything else)
     */
    static Long integer(Map<String, Object> object, String field, Endpoint endpoint) {
        Object value = object.get(field);
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        throw endpoint.invalid(WRONG_TYPE);
    }

    /**
     * @param object a JSON object
     * @param field a field name
     * @param endpoint the endpoint, for messages
     * @return the field's object, or null if it is absent or JSON null
     * @throws org.opentokens.powerauth.token.domain.error.InvalidServerResponseException if the field is not an object
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> object, String field, Endpoint endpoint) {
        Object value = object.get(field);
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw endpoint.invalid(field + " is not a JSON object");
    }
}
