package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/** {@link JsonCodecContract}, part 1: the value model that {@link JsonCodec#readObject} returns. */
public interface JsonCodecReadContract extends JsonCodecFixture {

    @Test
    default void readsAnEmptyObject() {
        assertThat(read("{}")).isEmpty();
    }

    @Test
    default void readsStringsBooleansAndNulls() {
        Map<String, Object> object = read("{\"s\":\"text\",\"t\":true,\"f\":false,\"n\":null}");

        assertThat(object).containsEntry("s", "text").containsEntry("t", Boolean.TRUE)
                .containsEntry("f", Boolean.FALSE).containsKey("n");
        assertThat(object.get("n")).isNull();
    }

    @Test
    default void readsIntegralNumbersAsLong() {
        Map<String, Object> object = read(
                "{\"zero\":0,\"neg\":-1,\"small\":42,\"max\":9223372036854775807,\"min\":-9223372036854775808}");

        assertThat(object).containsEntry("zero", 0L).containsEntry("neg", -1L).containsEntry("small", 42L)
                .containsEntry("max", Long.MAX_VALUE).containsEntry("min", Long.MIN_VALUE);
        assertThat(object.values()).allSatisfy(v -> assertThat(v).isExactlyInstanceOf(Long.class));
    }

    @Test
    default void readsIntegersBeyondLongAsBigInteger() {
        Map<String, Object> object = read(
                "{\"above\":9223372036854775808,\"below\":-9223372036854775809,\"huge\":1000000000000000000000000000000}");

        assertThat(object).containsEntry("above", new BigInteger("9223372036854775808"))
                .containsEntry("below", new BigInteger("-9223372036854775809"))
                .containsEntry("huge", BigInteger.TEN.pow(30));
        assertThat(object.values()).allSatisfy(v -> assertThat(v).isExactlyInstanceOf(BigInteger.class));
    }

    @Test
    default void readsFractionsAndExponentsAsBigDecimal() {
        Map<String, Object> object = read(
                "{\"half\":1.5,\"one\":1.0,\"exp\":1e2,\"negExp\":-2.5E-3,\"precise\":0.1000000000000000055511151231257827}");

        assertThat(object.values()).allSatisfy(v -> assertThat(v).isExactlyInstanceOf(BigDecimal.class));
        assertThat((BigDecimal) object.get("half")).isEqualByComparingTo("1.5");
        assertThat((BigDecimal) object.get("one")).isEqualByComparingTo("1");
        assertThat((BigDecimal) object.get("exp")).isEqualByComparingTo("100");
        assertThat((BigDecimal) object.get("negExp")).isEqualByComparingTo("-0.0025");
        assertThat((BigDecimal) object.get("precise")).isEqualByComparingTo("0.1000000000000000055511151231257827");
    }

    @Test
    default void readsNestedObjectsAndArrays() {
        Map<String, Object> object = read("{\"o\":{\"a\":[1,\"two\",null,[],{}]},\"e\":[]}");

        assertThat(object.get("o")).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) object.get("o");
        assertThat(inner.get("a")).isInstanceOf(List.class);
        List<?> list = (List<?>) inner.get("a");
        assertThat(list).hasSize(5);
        assertThat(list.get(0)).isEqualTo(1L);
        assertThat(list.get(1)).isEqualTo("two");
        assertThat(list.get(2)).isNull();
        assertThat((List<?>) list.get(3)).isEmpty();
        assertThat((Map<?, ?>) list.get(4)).isEmpty();
        assertThat((List<?>) object.get("e")).isEmpty();
    }

    @Test
    default void keepsKeyOrder() {
        Map<String, Object> object = read("{\"zeta\":1,\"alpha\":2,\"mid\":{\"y\":1,\"b\":2,\"x\":3},\"beta\":4}");

        assertThat(object.keySet()).containsExactly("zeta", "alpha", "mid", "beta");
        assertThat(((Map<?, ?>) object.get("mid")).keySet().toArray()).containsExactly("y", "b", "x");
    }

    @Test
    @SuppressWarnings("unchecked")
    default void returnsUnmodifiableMapsAndLists() {
        Map<String, Object> object = read("{\"m\":{\"k\":1},\"l\":[1,{\"k\":[2]}]}");
        Map<String, Object> inner = (Map<String, Object>) object.get("m");
        List<Object> list = (List<Object>) object.get("l");
        List<Object> deep = (List<Object>) ((Map<String, Object>) list.get(1)).get("k");

        assertThatThrownBy(() -> object.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> object.remove("m")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> inner.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> deep.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    default void returnsValuesThatEqualPlainCollections() {
        Map<String, Object> expected = new HashMap<>();
        List<Object> list = new ArrayList<>();
        list.add(1L);
        list.add(null);
        expected.put("l", list);
        expected.put("m", Map.of("k", "v"));

        assertThat(read("{\"l\":[1,null],\"m\":{\"k\":\"v\"}}")).isEqualTo(expected);
    }

    @Test
    default void decodesEscapes() {
        Map<String, Object> object = read(
                "{\"q\":\"a\\\"b\",\"bs\":\"c\\\\d\",\"sl\":\"e\\/f\",\"ws\":\"\\b\\f\\n\\r\\t\","
                        + "\"u\":\"\\u00e9\\u4e2d\",\"pair\":\"\\ud83d\\ude00\",\"k\\u0065y\":1}");

        assertThat(object).containsEntry("q", "a\"b").containsEntry("bs", "c\\d").containsEntry("sl", "e/f")
                .containsEntry("ws", "\b\f\n\r\t").containsEntry("u", "é中").containsEntry("pair", "😀")
                .containsEntry("key", 1L);
    }

    @Test
    default void readsRawUtf8NonAscii() {
        String text = "Žluťoučký kůň úpěl ďábelské ódy, 中文, 😀";
        byte[] json = ("{\"" + text + "\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(codec().readObject(json)).containsEntry(text, text);
    }

    @Test
    default void acceptsWhitespaceAroundAndInside() {
        assertThat(read(" \t\r\n{ \"a\" : [ 1 , 2 ] ,\n \"b\" : { } }\n ")).containsEntry("a", List.of(1L, 2L))
                .containsEntry("b", Map.of());
    }

    @Test
    default void acceptsNestingOfExactlyMaxDepth() {
        assertThat(read(JsonCodecFixture.nested(JsonCodec.MAX_DEPTH, false))).containsKey("x");
        assertThat(read(JsonCodecFixture.nested(JsonCodec.MAX_DEPTH, true))).containsKey("x");
    }

    @Test
    default void doesNotKeepTheInputArray() {
        byte[] json = "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> object = codec().readObject(json);

        json[6] = 'z';

        assertThat(object).containsEntry("a", "b");
    }
}
