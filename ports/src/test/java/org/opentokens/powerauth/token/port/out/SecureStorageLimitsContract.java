package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.filled;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** {@link SecureStorageContract}, part 3: value sizes, unusual names and namespaces, bad arguments. */
public interface SecureStorageLimitsContract extends SecureStorageFixture {
    @Test
    default void emptyValueRoundTrips() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "empty", filled(0, 0));

        Optional<SecretBytes> read = storage().get(ns, "empty");

        assertThat(read).isPresent();
        assertThat(read.get().length()).isZero();
        assertThat(storage().names(ns)).containsExactly("empty");
    }

    @Test
    default void oneByteValueRoundTrips() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "one", filled(1, 0xA5));
        storage().put(ns, "zero", filled(1, 0));

        assertHolds(storage().get(ns, "one"), filled(1, 0xA5));
        assertHolds(storage().get(ns, "zero"), filled(1, 0));
    }

    @Test
    default void valueOfExactlyTheMaximumSizeRoundTrips() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "max", patterned(SecureStorage.MAX_VALUE_BYTES, 9));

        assertHolds(storage().get(ns, "max"), patterned(SecureStorage.MAX_VALUE_BYTES, 9));
    }

    @Test
    default void valueOneByteOverTheMaximumIsRejectedAndStateIsUnchanged() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "existing", ofText("old"));
        SecretBytes tooLarge = filled(SecureStorage.MAX_VALUE_BYTES + 1, 1);

        assertThatThrownBy(() -> storage().put(ns, "existing", tooLarge)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> storage().put(ns, "fresh", tooLarge))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining(String.valueOf(SecureStorage.MAX_VALUE_BYTES));

        assertHolds(storage().get(ns, "existing"), ofText("old"));
        assertThat(storage().get(ns, "fresh")).isEmpty();
        assertThat(storage().names(ns)).containsExactly("existing");
    }

    @ParameterizedTest
    @MethodSource("org.opentokens.powerauth.token.port.out.TestStorageNameFactory#unusualNames")
    default void unusualNameRoundTrips(String name) {
        StorageNamespace ns = namespace("A");
        storage().put(ns, name, ofText("value of " + name));

        assertHolds(storage().get(ns, name), ofText("value of " + name));
        assertThat(storage().names(ns)).containsExactly(name);
        assertThat(storage().delete(ns, name)).isTrue();
        assertThat(storage().names(ns)).isEmpty();
    }

    @Test
    default void unusualNamesAreKeptApart() {
        StorageNamespace ns = namespace("A");
        List<String> names = TestStorageNameFactory.unusualNames();
        for (int i = 0; i < names.size(); i++) {
            storage().put(ns, names.get(i), patterned(40, i));
        }

        assertThat(storage().names(ns)).containsExactlyInAnyOrderElementsOf(names);
        for (int i = 0; i < names.size(); i++) {
            assertHolds(storage().get(ns, names.get(i)), patterned(40, i));
        }
        assertThat(storage().delete(ns, "name")).isTrue();
        assertThat(storage().names(ns)).hasSize(names.size() - 1).contains("Name", "name ", " name");
    }

    @Test
    default void longestNameAndNamespaceRoundTrip() {
        StorageNamespace ns = exactNamespace(TestStorageNameFactory.longestNamespaceId());
        String name = TestStorageNameFactory.longestName();

        storage().put(ns, name, ofText("v"));

        assertHolds(storage().get(ns, name), ofText("v"));
        assertThat(storage().names(ns)).containsExactly(name);
    }

    @Test
    default void unusualNamespacesRoundTripAndAreKeptApart() {
        List<String> ids = TestStorageNameFactory.unusualNames();
        List<StorageNamespace> namespaces = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            StorageNamespace ns = namespace(ids.get(i));
            namespaces.add(ns);
            storage().put(ns, "token", patterned(20, i));
        }

        for (int i = 0; i < namespaces.size(); i++) {
            assertHolds(storage().get(namespaces.get(i), "token"), patterned(20, i));
            assertThat(storage().names(namespaces.get(i))).containsExactly("token");
        }
        assertThat(storage().deleteAll(namespaces.get(0))).isEqualTo(1);
        for (int i = 1; i < namespaces.size(); i++) {
            assertHolds(storage().get(namespaces.get(i), "token"), patterned(20, i));
        }
    }

    @Test
    default void namespaceAndNameDoNotBleedIntoEachOther() {
        // An adapter that stores "namespace + separator + name" would merge these pairs.
        StorageNamespace a = namespace("a");
        StorageNamespace aSlashB = namespace("a/b");
        StorageNamespace aPipeB = namespace("a|b");
        StorageNamespace aColonB = namespace("a:b");
        storage().put(a, "b/c", ofText("1"));
        storage().put(aSlashB, "c", ofText("2"));
        storage().put(a, "b|c", ofText("3"));
        storage().put(aPipeB, "c", ofText("4"));
        storage().put(a, "b:c", ofText("5"));
        storage().put(aColonB, "c", ofText("6"));

        assertThat(storage().names(a)).containsExactlyInAnyOrder("b/c", "b|c", "b:c");
        assertThat(storage().names(aSlashB)).containsExactly("c");
        assertHolds(storage().get(aSlashB, "c"), ofText("2"));
        assertHolds(storage().get(aPipeB, "c"), ofText("4"));
        assertHolds(storage().get(aColonB, "c"), ofText("6"));
        assertThat(storage().deleteAll(a)).isEqualTo(3);
        assertThat(storage().names(aSlashB)).containsExactly("c");
    }

    @Test
    default void twoNamespacesWithTheSameNamesAreIsolated() {
        StorageNamespace a = namespace("instance-1");
        StorageNamespace b = namespace("instance-2");
        storage().putAll(a, Map.of("activation", ofText("a-act"), "token", ofText("a-tok")));
        storage().putAll(b, Map.of("activation", ofText("b-act"), "token", ofText("b-tok")));

        storage().put(a, "token", ofText("a-tok-2"));
        assertThat(storage().delete(b, "activation")).isTrue();

        assertHolds(storage().get(a, "token"), ofText("a-tok-2"));
        assertHolds(storage().get(b, "token"), ofText("b-tok"));
        assertHolds(storage().get(a, "activation"), ofText("a-act"));
        assertThat(storage().get(b, "activation")).isEmpty();
        assertThat(storage().names(a)).containsExactlyInAnyOrder("activation", "token");
        assertThat(storage().names(b)).containsExactly("token");
    }

    @ParameterizedTest
    @MethodSource("org.opentokens.powerauth.token.port.out.TestStorageNameFactory#invalidNames")
    default void invalidNameIsRejectedByEveryMethodAndChangesNothing(String badName) {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "kept", ofText("k"));

        assertThatThrownBy(() -> storage().get(ns, badName)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> storage().put(ns, badName, ofText("v"))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> storage().delete(ns, badName)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> storage().putAll(ns, Map.of(badName, ofText("v"))))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> storage().deleteAll(ns, List.of("kept", badName)))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> StorageNamespace.of(badName)).isInstanceOf(MalformedDataException.class);

        assertThat(storage().names(ns)).containsExactly("kept");
        assertHolds(storage().get(ns, "kept"), ofText("k"));
    }

    @Test
    default void nullArgumentsAreRejectedWithNullPointerException() {
        StorageNamespace ns = namespace("A");
        Map<String, SecretBytes> nullKey = new HashMap<>();
        nullKey.put(null, ofText("v"));
        Map<String, SecretBytes> nullValue = new HashMap<>();
        nullValue.put("n", null);

        List<Runnable> calls = List.of(
                () -> storage().get(null, "n"),
                () -> storage().get(ns, null),
                () -> storage().put(null, "n", ofText("v")),
                () -> storage().put(ns, null, ofText("v")),
                () -> storage().put(ns, "n", null),
                () -> storage().putAll(null, Map.of()),
                () -> storage().putAll(ns, null),
                () -> storage().putAll(ns, nullKey),
                () -> storage().putAll(ns, nullValue),
                () -> storage().delete(null, "n"),
                () -> storage().delete(ns, null),
                () -> storage().deleteAll(null),
                () -> storage().deleteAll(null, List.of()),
                () -> storage().deleteAll(ns, null),
                () -> storage().deleteAll(ns, Collections.singletonList(null)),
                () -> storage().names(null));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(NullPointerException.class);
        }
        assertThat(storage().names(ns)).isEmpty();
    }

    @Test
    default void destroyedValueIsRejectedAndChangesNothing() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "token", ofText("old"));
        SecretBytes destroyed = ofText("new");
        destroyed.destroy();

        assertThatThrownBy(() -> storage().put(ns, "token", destroyed)).isInstanceOf(IllegalStateException.class);

        assertHolds(storage().get(ns, "token"), ofText("old"));
    }
}
