package org.opentokens.powerauth.token.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Structure-aware mutants of valid JSON documents: fields dropped, duplicated or added, values retyped, strings
 * turned into bad Base64 or huge text, numbers made huge, negative or fractional, values nested deeper than any
 * limit; then, sometimes, byte-level edits on top (truncation, random bytes). Mixed with purely random JSON-ish
 * and random bytes.
 */
public final class JsonMutations {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] HUGE_NUMBERS = {"99999999999999999999999999", "-99999999999999999999", "1e400",
        "-1", "0", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.5", "-0", "1E2", "0.0",
        "4294967296", "2147483648"};

    private JsonMutations() {
    }

    /**
     * @param seeds valid JSON documents
     * @return mutants of them, the seeds themselves now and then, and some random input
     */
    public static FuzzInputs<byte[]> of(List<byte[]> seeds) {
        List<JsonNode> trees = seeds.stream().map(JsonMutations::tree).toList();
        List<byte[]> copies = seeds.stream().map(byte[]::clone).toList();
        return FuzzInputs.of(r -> {
            int roll = r.nextInt(17);
            if (roll < 14) {
                return mutate(trees.get(r.nextInt(trees.size())), copies, r);
            }
            if (roll == 14) {
                return copies.get(r.nextInt(copies.size())).clone();
            }
            return Mutations.mutate(copies.get(r.nextInt(copies.size())), copies, r);
        });
    }

    /**
     * @param tree a JSON document
     * @param others documents to splice from in byte-level edits
     * @param r randomness
     * @return a mutant, as UTF-8 bytes
     */
    public static byte[] mutate(JsonNode tree, List<byte[]> others, Random r) {
        int nodes = count(tree);
        double rate = (1 + r.nextInt(3)) / (double) nodes;
        StringBuilder out = new StringBuilder();
        write(tree, out, r, rate);
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        return r.nextInt(5) == 0 ? Mutations.mutate(bytes, others, r) : bytes;
    }

    private static void write(JsonNode node, StringBuilder out, Random r, double rate) {
        if (r.nextDouble() < rate) {
            writeMutatedValue(node, out, r, rate);
            return;
        }
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                double roll = r.nextDouble();
                if (roll < rate / 3) {
                    continue; // drop the field
                }
                first = member(out, first, field.getKey(), field.getValue(), r, rate);
                if (roll < rate / 2) {
                    first = member(out, first, field.getKey(), field.getValue(), r, rate); // duplicate it
                }
                if (r.nextDouble() < rate / 4) {
                    first = member(out, first, "x" + r.nextInt(100), randomValueNode(r), r, 0); // unknown field
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out, r, rate);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    private static boolean member(StringBuilder out, boolean first, String key, JsonNode value, Random r,
            double rate) {
        if (!first) {
            out.append(',');
        }
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(key)).append("\":");
        write(value, out, r, rate);
        return false;
    }

    private static void writeMutatedValue(JsonNode node, StringBuilder out, Random r, double rate) {
        switch (r.nextInt(8)) {
            case 0 -> out.append(HUGE_NUMBERS[r.nextInt(HUGE_NUMBERS.length)]);
            case 1 -> out.append(r.nextBoolean() ? "null" : r.nextBoolean() ? "true" : "false");
            case 2 -> out.append(r.nextBoolean() ? "{}" : "[]");
            case 3 -> { // nested deeper than any limit
                int depth = 20 + r.nextInt(60);
                out.append("[".repeat(depth));
                write(node, out, r, 0);
                out.append("]".repeat(depth));
            }
            case 4 -> quoted(out, badString(node.isTextual() ? node.textValue() : node.toString(), r));
            case 5 -> quoted(out, node.toString()); // a number or object as text
            case 6 -> { // wrapped in an array or object
                boolean array = r.nextBoolean();
                out.append(array ? "[" : "{\"v\":");
                write(node, out, r, rate);
                out.append(array ? ']' : '}');
            }
            default -> {
                if (node.isNumber()) {
                    out.append(r.nextBoolean() ? node.asLong() + 1 + r.nextInt(1000) : -(r.nextLong() >>> 1));
                } else {
                    quoted(out, badString(node.asText(), r));
                }
            }
        }
    }

    private static String badString(String text, Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> ""; // empty
            case 1 -> text + "="; // broken padding
            case 2 -> text.isEmpty() ? "!" : text.substring(0, r.nextInt(text.length())); // cut
            case 3 -> text.replace('A', '-').replace('/', '_'); // URL alphabet or non-alphabet
            case 4 -> "A".repeat(r.nextInt(20) == 0 ? 100_000 : 1 + r.nextInt(200)); // long
            case 5 -> text + "\u0000\ud800"; // control and lone surrogate
            default -> Mutations.mutate(text, List.of(text), r);
        };
    }

    private static JsonNode randomValueNode(Random r) {
        return tree(switch (r.nextInt(4)) {
            case 0 -> "1".getBytes(StandardCharsets.UTF_8);
            case 1 -> "\"x\"".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8);
            default -> "null".getBytes(StandardCharsets.UTF_8);
        });
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }

    private static int count(JsonNode node) {
        int n = 1;
        for (JsonNode child : node) {
            n += count(child);
        }
        return n;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
