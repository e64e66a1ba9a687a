package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;

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

    @Test
    void theVersionRoundTripsAndCanBeReadWithoutTheEntries() {
        byte[] encoded = NamespaceCodec.encode(41L, Map.of("token", bytes("value")));

        NamespaceCodec.Decoded decoded = NamespaceCodec.decodeWithVersion(encoded);

        assertThat(decoded.version).isEqualTo(41L);
        assertThat(decoded.entries.get("token")).isEqualTo(bytes("value"));
        assertThat(NamespaceCodec.version(encoded)).isEqualTo(41L);
        assertThat(NamespaceCodec.decodeWithVersion(NamespaceCodec.encode(7L, Map.of())).entries).isEmpty();
    }

    @Test
    void aFormatOneItemFromBeforeVersionsReadsAsVersionZero() {
        // "PTKN", format 1, one entry: name "token" (5 bytes), value "value" (5 bytes); as the old code wrote it.
        byte[] formatOne = {'P', 'T', 'K', 'N', 1, 0, 0, 0, 1, 0, 5, 't', 'o', 'k', 'e', 'n', 0, 0, 0, 5,
            'v', 'a', 'l', 'u', 'e'};

        NamespaceCodec.Decoded decoded = NamespaceCodec.decodeWithVersion(formatOne);

        assertThat(decoded.version).isZero();
        assertThat(NamespaceCodec.version(formatOne)).isZero();
        assertThat(decoded.entries.keySet()).containsExactly("token");
        assertThat(decoded.entries.get("token")).isEqualTo(bytes("value"));
    }

    @Test
    void anUnknownFormatOrANegativeVersionIsCorrupt() {
        byte[] encoded = NamespaceCodec.encode(3L, Map.of("token", bytes("value")));
        byte[] futureFormat = encoded.clone();
        futureFormat[4] = 3;
        byte[] negative = encoded.clone();
        negative[5] = (byte) 0x80;

        for (byte[] damaged : new byte[][] {futureFormat, negative}) {
            assertThatThrownBy(() -> NamespaceCodec.decode(damaged)).isInstanceOf(StorageCorruptException.class);
            assertThatThrownBy(() -> NamespaceCodec.version(damaged)).isInstanceOf(StorageCorruptException.class);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
