package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.port.out.StorageCorruptException;

class NamespaceCodecTest {
    @Test
    void encodingRoundTripsIndependentOfInsertionOrder() {
        Map<String, byte[]> forward = new LinkedHashMap<>();
        forward.put("token/2", bytes("two"));
        forward.put("přihlášení 🔑", new byte[0]);
        forward.put("a", new byte[65_536]);
        Map<String, byte[]> backward = new LinkedHashMap<>();
        backward.put("a", new byte[65_536]);
        backward.put("přihlášení 🔑", new byte[0]);
        backward.put("token/2", bytes("two"));

        byte[] encoded = NamespaceCodec.encode(forward);

        assertThat(encoded).isEqualTo(NamespaceCodec.encode(backward));
        Map<String, byte[]> decoded = NamespaceCodec.decode(encoded);
        assertThat(decoded.keySet()).containsExactlyInAnyOrderElementsOf(forward.keySet());
        forward.forEach((name, value) -> assertThat(decoded.get(name)).isEqualTo(value));
    }

    @Test
    void everyTruncationOrForeignHeaderIsCorrupt() {
        byte[] encoded = NamespaceCodec.encode(Map.of("token", bytes("value"), "other", bytes("x")));
        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> NamespaceCodec.decode(truncated)).as("truncated to %d", length)
                    .isInstanceOf(StorageCorruptException.class);
        }
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> NamespaceCodec.decode(trailing)).isInstanceOf(StorageCorruptException.class);
        byte[] foreign = encoded.clone();
        foreign[0] = 'X';
        assertThatThrownBy(() -> NamespaceCodec.decode(foreign)).isInstanceOf(StorageCorruptException.class);
    }

    @Test
    void corruptMessagesNeverQuoteTheContent() {
        byte[] encoded = NamespaceCodec.encode(Map.of("entry-7c1e", bytes("secret-value-text")));
        byte[] damaged = Arrays.copyOf(encoded, encoded.length - 3);

        assertThatThrownBy(() -> NamespaceCodec.decode(damaged)).isInstanceOf(StorageCorruptException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret", "entry-7c1e"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
