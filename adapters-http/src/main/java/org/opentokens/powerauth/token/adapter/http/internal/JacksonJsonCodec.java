package org.opentokens.powerauth.token.adapter.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.util.Map;
import java.util.Objects;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/**
 * The {@link JsonCodec} port on Jackson's streaming API: strict RFC 8259 input (no comments, no trailing content,
 * no duplicate keys, at most {@link JsonCodec#MAX_DEPTH} levels), compact UTF-8 output. Stateless and thread-safe.
 */
public final class JacksonJsonCodec implements JsonCodec {
    private final JsonFactory factory;

    /** Creates a codec with its own strictly configured parser factory. */
    public JacksonJsonCodec() {
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // The reader checks MAX_DEPTH itself with a clear message; Jackson's limit is the backstop.
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
                .build();
    }

    @Override
    public byte[] write(Map<String, ?> object) {
        Objects.requireNonNull(object, "object");
        return JsonValueWriter.write(factory, object);
    }

    @Override
    public Map<String, Object> readObject(byte[] json) {
        Objects.requireNonNull(json, "json");
        return JsonValueReader.read(factory, json);
    }

    @Override
    public String toString() {
        return "JacksonJsonCodec";
    }
}
