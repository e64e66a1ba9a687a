package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/** {@link JsonCodecContract}, part 2: what {@link JsonCodec#write} produces, and round trips through both. */
public interface JsonCodecWriteContract extends JsonCodecFixture {

    @Test
    default void writesAnEmptyObject() {
        assertThat(write(Map.of())).isEqualTo("{}");
    }

    @Test
    default void writesCompactJsonInIterationOrder() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", true);
        object.put("a", null);
        object.put("c", "x");
        object.put("n", 1);
        object.put("f", false);

        assertThat(write(object)).isEqualTo("{\"b\":true,\"a\":null,\"c\":\"x\",\"n\":1,\"f\":false}");
    }

    @Test
    default void writesNestedListsAndMaps() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", List.of());
        inner.put("e", Map.of());
        List<Object> list = new ArrayList<>(Arrays.asList(1L, "a", null, inner));

        assertThat(write(Map.of("l", list))).isEqualTo("{\"l\":[1,\"a\",null,{\"k\":[],\"e\":{}}]}");
    }

    @Test
    default void writesIntegralNumbersOfEveryType() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("byte", (byte) -8);
        object.put("short", (short) 300);
        object.put("int", Integer.MIN_VALUE);
        object.put("long", Long.MAX_VALUE);
        object.put("big", BigInteger.TWO.pow(100));

        assertThat(write(object)).isEqualTo("{\"byte\":-8,\"short\":300,\"int\":-2147483648,"
                + "\"long\":9223372036854775807,\"big\":1267650600228229401496703205376}");
    }

    @Test
    default void writesFractionalNumbersThatReadBackEqual() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("double", 1.5d);
        object.put("float", 0.25f);
        object.put("decimal", new BigDecimal("123456789012345678901234567890.123456789"));
        object.put("tiny", new BigDecimal("1E-40"));

        Map<String, Object> back = codec().readObject(codec().write(object));

        assertThat((BigDecimal) back.get("double")).isEqualByComparingTo("1.5");
        assertThat((BigDecimal) back.get("float")).isEqualByComparingTo("0.25");
        assertThat((BigDecimal) back.get("decimal")).isEqualByComparingTo("123456789012345678901234567890.123456789");
        assertThat((BigDecimal) back.get("tiny")).isEqualByComparingTo("1E-40");
    }

    @Test
    default void roundTripsEveryKindOfValue() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("s", "text");
        object.put("t", true);
        object.put("n", null);
        object.put("long", Long.MIN_VALUE);
        object.put("big", new BigInteger("-123456789012345678901234567890"));
        object.put("list", Arrays.asList(1L, null, "x", List.of(), Map.of("k", false)));
        object.put("map", Map.of("deep", Map.of("deeper", List.of(2L))));

        Map<String, Object> back = codec().readObject(codec().write(object));

        assertThat(back).isEqualTo(object);
        assertThat(back.keySet()).containsExactlyElementsOf(object.keySet());
    }

    @Test
    default void escapesQuotesBackslashesAndControlCharacters() {
        String tricky = "quote\" backslash\\ slash/ nl\n cr\r tab\t nul\u0000 bell\u0007 del\u007f";
        Map<String, Object> object = Map.of(tricky, tricky);

        byte[] json = codec().write(object);

        for (byte b : json) {
            assertThat(b & 0xff).as("raw control byte in output").isGreaterThanOrEqualTo(0x20);
        }
        assertThat(codec().readObject(json)).isEqualTo(object);
    }

    @Test
    default void writesValidUtf8ForNonAscii() throws CharacterCodingException {
        String text = "Žluťoučký kůň, 中文, 😀, é";
        Map<String, Object> object = Map.of(text, List.of(text));

        byte[] json = codec().write(object);

        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json));
        assertThat(codec().readObject(json)).isEqualTo(object);
    }

    @Test
    default void writesNestingOfExactlyMaxDepth() {
        Map<String, Object> object = read(JsonCodecFixture.nested(JsonCodec.MAX_DEPTH, false));

        assertThat(write(object)).isEqualTo(JsonCodecFixture.nested(JsonCodec.MAX_DEPTH, false));
    }

    @Test
    default void returnsAFreshArrayEachTime() {
        Map<String, Object> object = Map.of("a", 1L);
        byte[] first = codec().write(object);
        first[0] = 'x';

        assertThat(codec().write(object)).isNotSameAs(first).startsWith((byte) '{');
    }
}
