package org.opentokens.powerauth.token.port.out;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/**
 * The {@link JsonCodec} double of the service tests: a tree walk over Jackson nodes, kept independent of the
 * production adapter in {@code adapters-http}. Passes {@link JsonCodecContract}.
 */
public final class FakeJsonCodec implements JsonCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    @Override
    public byte[] write(Map<String, ?> object) {
        check(object, 0);
        try {
            return MAPPER.writeValueAsBytes(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Object> readObject(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException("input is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedDataException("top-level JSON value is not an object");
        }
        if (depth(root) > MAX_DEPTH) {
            throw new MalformedDataException("JSON nesting is too deep");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) convert(root);
        return map;
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private static Object convert(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), convert(e.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(child -> list.add(convert(child)));
            return Collections.unmodifiableList(list);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }
        return node.decimalValue();
    }

    private static void check(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nests too deeply");
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException("object keys must be strings");
                }
                check(e.getValue(), depth + 1);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> check(item, depth + 1));
        } else if ((value instanceof Double || value instanceof Float) && !Double.isFinite(((Number) value).doubleValue())) {
            throw new IllegalArgumentException("JSON cannot hold NaN or infinite numbers");
        } else if (!(value == null || value instanceof String || value instanceof Boolean || value instanceof Number)) {
            throw new IllegalArgumentException("unsupported JSON value type " + value.getClass().getSimpleName());
        }
    }
}
