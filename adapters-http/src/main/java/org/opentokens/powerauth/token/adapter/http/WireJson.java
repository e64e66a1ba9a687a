package org.opentokens.powerauth.token.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * The adapter's strictly configured Jackson mapper for HTTP bodies: duplicate keys, trailing tokens, nulls for
 * primitives, floats for integers and scalar coercions are errors; unknown response properties are ignored; null
 * request fields are left out. Parse failures never carry Jackson's messages, which quote the input.
 */
final class WireJson {
    /** Deepest nesting accepted in a response body. */
    static final int MAX_DEPTH = 32;

    private final ObjectMapper mapper;

    WireJson() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(
                        JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /**
     * @param dto a wire record
     * @return its compact UTF-8 JSON
     */
    byte[] write(Object dto) {
        try {
            return mapper.writeValueAsBytes(dto);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + dto.getClass().getSimpleName());
        }
    }

    /**
     * @param body a response body
     * @param endpoint the endpoint that sent it, for messages
     * @return the top-level JSON object
     * @throws org.opentokens.powerauth.token.port.out.InvalidServerResponseException if the body is not one
     *     well-formed JSON object
     */
    JsonNode readObject(byte[] body, Endpoint endpoint) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (IOException e) {
            throw endpoint.invalid("response is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw endpoint.invalid("response is not a JSON object");
        }
        return node;
    }

    /**
     * @param node a JSON object from {@link #readObject}
     * @param type the wire record type
     * @param endpoint the endpoint, for messages
     * @param <T> the record type
     * @return the record
     * @throws org.opentokens.powerauth.token.port.out.InvalidServerResponseException if a field has the wrong type
     */
    <T> T convert(JsonNode node, JavaType type, Endpoint endpoint) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw endpoint.invalid("response has a field of the wrong type");
        }
    }

    /**
     * @param payload the payload record type
     * @return the type of {@code {"status":…,"responseObject":payload}}
     */
    JavaType wrapped(Class<?> payload) {
        return mapper.getTypeFactory().constructParametricType(ResponseObjectJson.class, payload);
    }

    /**
     * @param type a record type
     * @return its Jackson type
     */
    JavaType plain(Class<?> type) {
        return mapper.getTypeFactory().constructType(type);
    }
}
