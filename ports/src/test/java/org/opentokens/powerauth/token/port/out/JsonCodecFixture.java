package org.opentokens.powerauth.token.port.out;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/** What the parts of {@link JsonCodecContract} need from the running test, plus small helpers. */
public interface JsonCodecFixture {
    /** @return the codec under test, fresh for each test */
    JsonCodec codec();

    /**
     * @param json JSON text
     * @return the object the codec reads from its UTF-8 bytes
     */
    default Map<String, Object> read(String json) {
        return codec().readObject(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param object an object in the value model
     * @return the codec's output decoded as UTF-8
     */
    default String write(Map<String, ?> object) {
        return new String(codec().write(object), StandardCharsets.UTF_8);
    }

    /**
     * @param depth how many objects and arrays to nest, the top-level object included (at least 1)
     * @param arrays whether the inner levels are arrays rather than objects
     * @return JSON text of that depth
     */
    static String nested(int depth, boolean arrays) {
        StringBuilder open = new StringBuilder("{\"x\":");
        StringBuilder close = new StringBuilder("}");
        for (int i = 1; i < depth; i++) {
            open.append(arrays ? "[" : "{\"x\":");
            close.insert(0, arrays ? "]" : "}");
        }
        return open.append("1").append(close).toString();
    }
}
