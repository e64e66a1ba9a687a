package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.out.JsonCodecContract;

/** The Jackson codec passes the port contract; below, the details its messages and edge cases add. */
class JacksonJsonCodecTest extends JsonCodecContract {

    @Override
    protected JsonCodec createCodec() {
        return new JacksonJsonCodec();
    }

    @Test
    void namesTheDuplicateKeyProblemWithoutTheKey() {
        assertThatThrownBy(() -> read("{\"tokenSecret\":1,\"tokenSecret\":2}"))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("duplicate key")
                .hasMessageNotContaining("tokenSecret")
                .hasNoCause();
    }

    @Test
    void aNumberBeyondBigDecimalIsMalformedDataNotNumberFormatException() {
        // Found by the long-mode JSON codec fuzz: Jackson throws NumberFormatException for this exponent.
        assertThatThrownBy(() -> read("{\"ctrData\":922e372036854775808}"))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("number out of range");
    }

    @Test
    void namesTheDepthProblem() {
        assertThatThrownBy(() -> read(nestedArrays(JsonCodec.MAX_DEPTH + 1)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("deeper than " + JsonCodec.MAX_DEPTH);
    }

    @Test
    void reportsWhereTheSyntaxBreaksButNotWhat() {
        assertThatThrownBy(() -> read("{\"a\":\n  oops}"))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("syntax")
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("oops")
                .hasNoCause();
    }

    @Test
    void namesTrailingContentAndNonObjects() {
        assertThatThrownBy(() -> read("{}{}")).hasMessageContaining("after the top-level object");
        assertThatThrownBy(() -> read("[1]")).hasMessageContaining("must be an object");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    }

    @Test
    void refusesAMapThatContainsItself() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        List<Object> list = new ArrayList<>();
        list.add(list);

        assertThatThrownBy(() -> codec().write(loop)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than");
        assertThatThrownBy(() -> codec().write(Map.of("l", list))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToWriteNestingDeeperThanItWouldRead() {
        Object value = 1L;
        for (int i = 0; i < JsonCodec.MAX_DEPTH; i++) {
            value = List.of(value);
        }
        Object tooDeep = value;

        assertThatThrownBy(() -> codec().write(Map.of("x", tooDeep))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesOtherNumberTypesByTheirDecimalValue() {
        assertThat(write(Map.of("n", new AtomicLong(7)))).isEqualTo("{\"n\":7}");
    }

    @Test
    void escapesALoneSurrogateSoTheOutputStaysValidUtf8() {
        Map<String, Object> object = Map.of("s", "broken\ud800");

        assertThat(write(object)).isEqualTo("{\"s\":\"broken\\uD800\"}");
        assertThat(codec().readObject(codec().write(object))).isEqualTo(object);
    }

    @Test
    void namesTheTypeItCannotWrite() {
        assertThatThrownBy(() -> codec().write(Map.of("k", new StringBuilder("secret"))))
                .hasMessageContaining("java.lang.StringBuilder")
                .hasMessageNotContaining("secret");
    }

    @Test
    void readsInputWithAUtf8ByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] json = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, json, 0, bom.length);
        System.arraycopy(body, 0, json, bom.length, body.length);

        assertThat(codec().readObject(json)).containsEntry("a", 1L);
    }

    private static String nestedArrays(int depth) {
        return "{\"x\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }
}
