package org.opentokens.powerauth.token.application.internal.json;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/**
 * Reads fields of a JSON object that came from the server. A missing or mistyped field becomes an
 * {@link InvalidServerResponseException} naming the payload and field, never their value.
 */
public final class JsonFields {
    private final Map<String, Object> object;
    private final String what;

    private JsonFields(Map<String, Object> object, String what) {
        this.object = object;
        this.what = what;
    }

    /**
     * @param codec the JSON codec
     * @param json the UTF-8 JSON text
     * @param what the payload's name, for messages
     * @return the fields of the top-level object
     * @throws InvalidServerResponseException if the text is not a JSON object
     */
    public static JsonFields parse(JsonCodec codec, byte[] json, String what) {
        try {
            return new JsonFields(codec.readObject(json), what);
        } catch (MalformedDataException e) {
            throw new InvalidServerResponseException(what + " is not a valid JSON object", e);
        }
    }

    /**
     * @param name the field
     * @return its string value
     */
    public String string(String name) {
        Object value = object.get(name);
        if (value instanceof String s) {
            return s;
        }
        throw invalid(name);
    }

    /**
     * @param name the field
     * @return its string value, or null when absent or null
     */
    public String optionalString(String name) {
        Object value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw invalid(name);
    }

    /**
     * @param name the field
     * @return its integral value
     */
    public long longValue(String name) {
        Object value = object.get(name);
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw invalid(name);
    }

    /**
     * @param name the field
     * @return the nested object
     */
    @SuppressWarnings("unchecked")
    public JsonFields object(String name) {
        Object value = object.get(name);
        if (value instanceof Map<?, ?> map) {
            return new JsonFields((Map<String, Object>) map, what + "." + name);
        }
        throw invalid(name);
    }

    /**
     * @param name the field
     * @return the raw nested value, for re-encoding
     */
    public Object raw(String name) {
        return object.get(name);
    }

    private InvalidServerResponseException invalid(String name) {
        Objects.requireNonNull(name, "name");
        return new InvalidServerResponseException(what + " lacks a valid '" + name + "' field");
    }
}
