package org.opentokens.powerauth.token.port.internal.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.port.out.TestSecretBytesFactory;
import org.opentokens.powerauth.token.port.out.TestStorageNameFactory;

class StorageArgumentsTest {

    static List<String> invalidNames() {
        return TestStorageNameFactory.invalidNames();
    }

    static List<String> unusualNames() {
        return TestStorageNameFactory.unusualNames();
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void rejectsInvalidNameWithoutEchoingIt(String name) {
        assertThatThrownBy(() -> StorageArguments.name(name))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith("storage entry name");
    }

    @ParameterizedTest
    @MethodSource("unusualNames")
    void acceptsUnusualNamesAndNamespaces(String name) {
        assertThat(StorageArguments.name(name)).isSameAs(name);
        assertThat(StorageNamespace.of(name).id()).isSameAs(name);
    }

    @Test
    void countsLengthInUtf8Bytes() {
        assertThat(StorageArguments.name(TestStorageNameFactory.longestName())).hasSize(85);
        assertThat(StorageArguments.name("🔑".repeat(63) + "abc")).isNotNull(); // 252 + 3 bytes
        assertThatThrownBy(() -> StorageArguments.name("🔑".repeat(64)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("storage entry name must be at most 255 UTF-8 bytes, got 256");
        assertThat(StorageNamespace.of(TestStorageNameFactory.longestNamespaceId()).id()).hasSize(64);
        assertThatThrownBy(() -> StorageNamespace.of(TestStorageNameFactory.longestNamespaceId() + "x"))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("storage namespace must be at most 128 UTF-8 bytes, got 129");
    }

    @Test
    void rejectsNullNamespaceIdWithNullPointerException() {
        assertThatThrownBy(() -> StorageNamespace.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void namespacesAreEqualByExactId() {
        assertThat(StorageNamespace.of("instance")).isEqualTo(StorageNamespace.of("instance"));
        assertThat(StorageNamespace.of("instance")).isNotEqualTo(StorageNamespace.of("Instance"));
        assertThat(StorageNamespace.of("caf\u00e9")).isNotEqualTo(StorageNamespace.of("cafe\u0301"));
    }

    @Test
    void valueLimitIsInclusive() {
        SecretBytes max = TestSecretBytesFactory.filled(SecureStorage.MAX_VALUE_BYTES, 1);
        assertThat(StorageArguments.value(max)).isSameAs(max);
        assertThatThrownBy(() -> StorageArguments.value(TestSecretBytesFactory.filled(SecureStorage.MAX_VALUE_BYTES + 1, 1)))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("storage value must be at most 65536 bytes, got 65537");
    }

    @Test
    void batchChecksReturnCopiesTheCallerCannotChange() {
        Map<String, SecretBytes> entries = new HashMap<>();
        entries.put("a", TestSecretBytesFactory.ofText("a"));
        Map<String, SecretBytes> checked = StorageArguments.entries(entries);
        entries.put("", TestSecretBytesFactory.ofText("sneaked in"));

        assertThat(checked).containsOnlyKeys("a");
        assertThat(StorageArguments.names(List.of("a", "b", "a"))).containsExactlyInAnyOrder("a", "b");
    }
}
