package org.opentokens.powerauth.token.domain.internal.v4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the protocol 4.0 vectors copied to {@code src/test/resources/vectors/v4} (only the files that match Wultra
 * 2.0.1; see the README there).
 */
public final class V4Vectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private V4Vectors() {
    }

    /**
     * @param fileName the file in {@code vectors/v4}
     * @param arrayName the top-level array holding the vectors
     * @return the vectors, in order
     */
    public static List<JsonNode> load(String fileName, String arrayName) {
        try (InputStream in = V4Vectors.class.getResourceAsStream("/vectors/v4/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + fileName);
            }
            List<JsonNode> out = new ArrayList<>();
            MAPPER.readTree(in).get(arrayName).forEach(out::add);
            if (out.isEmpty()) {
                throw new IllegalStateException("vector file " + fileName + " is empty");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
