package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/**
 * {@link JsonCodecContract}, part 3: every rejection the port javadoc names. {@link JsonCodec#readObject} throws
 * {@link MalformedDataException} and {@link JsonCodec#write} throws {@link IllegalArgumentException}; neither
 * message (nor any cause's) contains the input.
 */
public interface JsonCodecFailureContract extends JsonCodecFixture {
    /** Planted in bad input; must never appear in a message. */
    String MARKER = "SeCrEt-MaRkEr-4711";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{", "}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{a:1}", "{\"a\":1,}", "{,}", "{\"a\":01}", "{\"a\":+1}",
        "{\"a\":.5}", "{\"a\":1.}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}", "{\"a\":nul}",
        "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"open}", "{\"a\":[1,2}", "{\"a\":[1,]}",
        "{/*comment*/}", "{\"a\":1}//", "{\"a\":\"tab\there\"}", "{\"a\":\"nl\nhere\"}"
    })
    default void rejectsInvalidSyntax(String json) {
        assertRejected(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\n\t "})
    default void rejectsEmptyAndBlankInput(String json) {
        assertRejected(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}x", "{}{}", "{} {}", "{}[]", "{}\"", "{}1", "{\"a\":1}}", "{}null"})
    default void rejectsTrailingContent(String json) {
        assertRejected(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"a\":1,\"a\":1}", "{\"a\":1,\"b\":2,\"a\":null}", "{\"o\":{\"k\":1,\"k\":2}}",
        "{\"l\":[{\"k\":1,\"k\":1}]}", "{\"e\":1,\"\\u0065\":2}"
    })
    default void rejectsDuplicateKeys(String json) {
        assertRejected(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    default void rejectsNestingDeeperThanMaxDepth() {
        assertRejected(JsonCodecFixture.nested(JsonCodec.MAX_DEPTH + 1, false).getBytes(StandardCharsets.UTF_8));
        assertRejected(JsonCodecFixture.nested(JsonCodec.MAX_DEPTH + 1, true).getBytes(StandardCharsets.UTF_8));
        assertRejected(JsonCodecFixture.nested(10_000, true).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "[{}]", "\"s\"", "1", "-1.5", "true", "null"})
    default void rejectsTopLevelValuesThatAreNotObjects(String json) {
        assertRejected(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    default void rejectsInvalidUtf8() {
        assertRejected(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
        assertRejected(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"" + MARKER + "\":", "{\"k\":\"" + MARKER + "\" \"" + MARKER + "\"}", "{\"" + MARKER + "\":1,\""
            + MARKER + "\":2}", "{}" + MARKER, "[\"" + MARKER + "\"]", "{\"k\":" + MARKER + "}",
        "{\"k\":\"" + MARKER + "\\q\"}"
    })
    default void readFailuresNeverEchoTheInput(String json) {
        Throwable thrown = catchThrowable(() -> read(json));

        assertThat(thrown).isInstanceOf(MalformedDataException.class);
        assertNoMarker(thrown);
    }

    @Test
    default void rejectsValuesOutsideTheModel() {
        Object marked = new Object() {
            @Override
            public String toString() {
                return MARKER;
            }
        };
        for (Object value : Arrays.asList(marked, new byte[] {1}, new char[] {'a'}, 'c', Set.of("a"),
                Optional.of("a"), Thread.State.NEW, new StringBuilder(MARKER), new Object[] {"a"})) {
            Throwable thrown = catchThrowable(() -> codec().write(Map.of("k", value)));

            assertThat(thrown).as("%s", value.getClass()).isInstanceOf(IllegalArgumentException.class);
            assertNoMarker(thrown);
        }
    }

    @Test
    default void rejectsValuesOutsideTheModelWhenNested() {
        Object marked = new Object() {
            @Override
            public String toString() {
                return MARKER;
            }
        };

        assertThatThrownBy(() -> codec().write(Map.of("l", List.of(1L, marked))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec().write(Map.of("m", Map.of("k", marked))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void rejectsKeysThatAreNotStrings() {
        Map<Object, Object> numericKey = new LinkedHashMap<>();
        numericKey.put(1, "a");
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "a");

        assertThatThrownBy(() -> codec().write(Map.of("m", numericKey))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec().write(nullKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec().write(Map.of("l", List.of(numericKey))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void rejectsNumbersJsonCannotRepresent() {
        for (Number n : List.<Number>of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN)) {
            assertThatThrownBy(() -> codec().write(Map.of("n", n))).as("%s", n)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** @param json input that must be rejected without echoing it */
    default void assertRejected(byte[] json) {
        Throwable thrown = catchThrowable(() -> codec().readObject(json));

        assertThat(thrown).isInstanceOf(MalformedDataException.class);
        String text = new String(json, StandardCharsets.UTF_8).strip();
        if (text.length() >= 6) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(text);
            }
        }
    }

    /** @param thrown an exception whose messages, causes included, must not contain {@link #MARKER} */
    default void assertNoMarker(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(MARKER);
            assertThat(t.toString()).doesNotContain(MARKER);
        }
    }
}
