package org.opentokens.powerauth.token.adapter.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/**
 * Writes a value of the {@link JsonCodec} model as compact UTF-8 JSON. Anything outside the model, and nesting
 * deeper than {@link JsonCodec#MAX_DEPTH} (which also stops cycles), is an {@link IllegalArgumentException} that
 * names the type, never the value.
 */
final class JsonValueWriter {
    private final JsonGenerator generator;

    private JsonValueWriter(JsonGenerator generator) {
        this.generator = generator;
    }

    static byte[] write(JsonFactory factory, Map<String, ?> object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            new JsonValueWriter(generator).writeMap(object, 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("value cannot be written as JSON");
        }
        return out.toByteArray();
    }

    private void writeMap(Map<?, ?> map, int depth) throws IOException {
        checkDepth(depth);
        generator.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings, got "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
            }
            generator.writeFieldName(key);
            writeValue(e.getValue(), depth);
        }
        generator.writeEndObject();
    }

    private void writeList(List<?> list, int depth) throws IOException {
        checkDepth(depth);
        generator.writeStartArray();
        for (Object item : list) {
            writeValue(item, depth);
        }
        generator.writeEndArray();
    }

    private void writeValue(Object value, int parentDepth) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Number n) {
            writeNumber(n);
        } else if (value instanceof Map<?, ?> m) {
            writeMap(m, parentDepth + 1);
        } else if (value instanceof List<?> l) {
            writeList(l, parentDepth + 1);
        } else {
            throw new IllegalArgumentException("JSON cannot hold a value of type " + value.getClass().getName());
        }
    }

    private void writeNumber(Number n) throws IOException {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof AtomicLong || n instanceof AtomicInteger) {
            generator.writeNumber(n.longValue());
        } else if (n instanceof BigInteger big) {
            generator.writeNumber(big);
        } else if (n instanceof BigDecimal dec) {
            generator.writeNumber(dec);
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON cannot hold NaN or infinite numbers");
            }
            if (n instanceof Float f) {
                generator.writeNumber(f);
            } else {
                generator.writeNumber(d);
            }
        } else {
            writeOtherNumber(n);
        }
    }

    private void writeOtherNumber(Number n) throws IOException {
        BigDecimal dec;
        try {
            dec = new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JSON cannot hold this " + n.getClass().getName());
        }
        generator.writeNumber(dec);
    }

    private static void checkDepth(int depth) {
        if (depth > JsonCodec.MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting would be deeper than " + JsonCodec.MAX_DEPTH
                    + " (or the value contains itself)");
        }
    }
}
