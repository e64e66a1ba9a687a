package org.opentokens.powerauth.token.port.internal.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;

/** Token names and instance ids are plain text: what could fake a line or drive a terminal is refused. */
class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"balance", "a b", "účet", "пароль", "日本語", "emoji \uD83D\uDE00", "x/y\\z'\"%",
        "\uE000 private use", "a\u00A0b"})
    void plainTextIsAccepted(String name) {
        assertThat(NameRules.tokenName(name)).isSameAs(name);
        assertThat(NameRules.instanceId(name)).isSameAs(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\tb", "\u001b[2J", "a\u0000b", "a\u007fb", "a\u0085b", "a\u009bb"})
    void controlCharactersAreRefused(String name) {
        assertThatThrownBy(() -> NameRules.tokenName(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> NameRules.instanceId(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instance id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u202Eb", "a\u200Bb", "\uFEFFa", "a\u2066b", "a\u00ADb"})
    void formatCharactersAreRefused(String name) {
        assertThatThrownBy(() -> NameRules.tokenName(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u2028b", "a\u2029b"})
    void lineAndParagraphSeparatorsAreRefused(String name) {
        assertThatThrownBy(() -> NameRules.tokenName(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("separator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800b", "a\uDC00", "\uD83D", "a\uFFFDb", "a\uFFFEb", "a\uFDD0b", "\uDBFF\uDFFF"})
    void malformedTextIsRefused(String name) {
        assertThatThrownBy(() -> NameRules.tokenName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000"})
    void emptyOrBlankIsRefused(String name) {
        assertThatThrownBy(() -> NameRules.tokenName(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageMatching("token name must not be (empty|only spaces)");
    }

    @ParameterizedTest
    @ValueSource(ints = {240, 241})
    void tokenNamesHaveALimitInUtf8Bytes(int bytes) {
        String name = "é".repeat(bytes / 2) + "x".repeat(bytes % 2);
        if (bytes <= PowerAuthTokenStore.MAX_TOKEN_NAME_UTF8_BYTES) {
            assertThat(NameRules.tokenName(name)).isEqualTo(name);
        } else {
            assertThatThrownBy(() -> NameRules.tokenName(name))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 240 bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 129})
    void instanceIdsHaveALimitInUtf8Bytes(int bytes) {
        String id = "\uD83D\uDE00".repeat(bytes / 4) + "x".repeat(bytes % 4);
        if (bytes <= 128) {
            assertThat(NameRules.instanceId(id)).isEqualTo(id);
        } else {
            assertThatThrownBy(() -> NameRules.instanceId(id))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 128 bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret-looking-name\n"})
    void theMessageNamesTheCodePointAndPlaceButNotTheValue(String name) {
        assertThatThrownBy(() -> NameRules.tokenName(name))
                .hasMessage("token name must not contain a control character (U+000A at index 19)")
                .hasMessageNotContaining("secret-looking-name");
    }
}
