package org.opentokens.powerauth.token.port.internal.out;

import java.util.Map;

/**
 * JSON for the payloads the services build and read themselves: the plaintexts inside ECIES envelopes and the
 * claims of temporary-key JWTs. The JSON of HTTP bodies belongs to the {@link PowerAuthServer} adapter.
 *
 * <h2>Value model</h2>
 * Objects are {@code Map<String, ?>}, arrays are {@code List<?>}, and leaves are {@code String}, {@code Boolean},
 * {@code null} and numbers. {@link #readObject} returns integral numbers as {@code Long} (or
 * {@code java.math.BigInteger} when they do not fit) and others as {@code java.math.BigDecimal}; it keeps key
 * order, and its maps and lists are unmodifiable. {@link #write} accepts any {@code Number}, writes map entries
 * in iteration order and writes {@code null} values as JSON {@code null}.
 *
 * <h2>Failures</h2>
 * {@link #readObject} throws {@link org.opentokens.powerauth.token.domain.error.MalformedDataException} for input
 * that is not one JSON object: invalid syntax, trailing content, a duplicate key, nesting deeper than
 * {@link #MAX_DEPTH}, or a top-level value that is not an object. {@link #write} throws
 * {@link IllegalArgumentException} for a value outside the model. Messages never contain the input.
 *
 * <p>Implementations are stateless and safe for concurrent use.
 */
public interface JsonCodec {
    /** Deepest nesting of objects and arrays accepted by {@link #readObject}. */
    int MAX_DEPTH = 32;

    /**
     * @param object the object to write
     * @return its UTF-8 JSON text, compact
     */
    byte[] write(Map<String, ?> object);

    /**
     * @param json UTF-8 JSON text
     * @return the top-level object
     */
    Map<String, Object> readObject(byte[] json);
}
