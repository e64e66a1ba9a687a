package org.opentokens.powerauth.token.domain.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Loads the published PowerAuth test vectors from {@code src/test/resources/vectors}. */
public final class TestVectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestVectors() {
    }

    /** One vector: input and output fields as strings. */
    public record Vector(int index, Map<String, String> input, Map<String, String> output) {
        public String in(String name) {
            String v = input.get(name);
            if (v == null) {
                throw new IllegalArgumentException("vector " + index + " has no input " + name);
            }
            return v;
        }

        public String out(String name) {
            String v = output.get(name);
            if (v == null) {
                throw new IllegalArgumentException("vector " + index + " has no output " + name);
            }
            return v;
        }

        public byte[] inBytes(String name) {
            return Base64.getDecoder().decode(in(name));
        }

        public byte[] outBytes(String name) {
            return Base64.getDecoder().decode(out(name));
        }

        @Override
        public String toString() {
            return "vector #" + index;
        }
    }

    /**
     * @param fileName e.g. {@code "signatures-v31.json"}
     * @return every vector in the file, in order
     */
    public static List<Vector> load(String fileName) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/vectors/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + fileName);
            }
            JsonNode root = MAPPER.readTree(in);
            List<Vector> out = new ArrayList<>();
            int i = 0;
            for (JsonNode item : root.get("data")) {
                out.add(new Vector(i++, flatten(item.get("input")), flatten(item.get("output"))));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("vector file " + fileName + " is empty");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }
}
