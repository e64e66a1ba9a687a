package org.opentokens.powerauth.token.port.internal.out;

import java.util.Map;

/**
 * JSON for the payloads the services build and read themselves: the plaintexts inside ECIES envelopes and the
 * claims of temporary-key JWTs. The JSON of HTTP bodies belongs to the {@link PowerAuthServer} adapter. Values are
 * {@code Map<String, ?>} objects, {@code List<?>} arrays and {@code String}, {@code Boolean}, {@code null} or number
 * leaves. Implementations are stateless and safe for concurrent use.
 */
public interface JsonCodec {
    /** Deepest nesting of objects and arrays accepted by {@link #readObject}. */
    int MAX_DEPTH = 32;

    /**
     * Writes map entries in iteration order, any {@code Number}, and {@code null} values as JSON {@code null}.
     *
     * @param object the object to write
     * @return its UTF-8 JSON text, compact
     * @throws IllegalArgumentException for a value outside the model
     */
    byte[] write(Map<String, ?> object);

    /**
     * Reads one JSON object, keeping key order; integral numbers come back as {@code Long} (or
     * {@code java.math.BigInteger} when they do not fit), others as {@code java.math.BigDecimal}.
     *
     * @param json UTF-8 JSON text
     * @return the top-level object; its maps and lists are unmodifiable
     * @throws org.opentokens.powerauth.token.domain.error.MalformedDataException for input that is not one JSON
     *     object: invalid syntax, trailing content, a duplicate key, nesting deeper than {@link #MAX_DEPTH}, or a
     *     top-level value that is not an object; the message never contains the input
     */
    Map<String, Object> readObject(byte[] json);
}
