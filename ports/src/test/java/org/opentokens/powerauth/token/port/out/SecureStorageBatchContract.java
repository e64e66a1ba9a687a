package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.filled;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** {@link SecureStorageContract}, part 2: {@code putAll} and {@code deleteAll(namespace, names)} are all or nothing. */
public interface SecureStorageBatchContract extends SecureStorageFixture {
    @Test
    default void putAllStoresEveryEntryAndLeavesOthersAlone() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "kept", ofText("k"));
        storage().put(ns, "replaced", ofText("old"));

        storage().putAll(ns, Map.of("replaced", ofText("new"), "added", patterned(300, 3)));

        assertThat(storage().names(ns)).containsExactlyInAnyOrder("kept", "replaced", "added");
        assertHolds(storage().get(ns, "kept"), ofText("k"));
        assertHolds(storage().get(ns, "replaced"), ofText("new"));
        assertHolds(storage().get(ns, "added"), patterned(300, 3));
    }

    @Test
    default void putAllOfNothingChangesNothing() {
        StorageNamespace ns = namespace("A");
        storage().putAll(ns, Map.of());
        assertThat(storage().names(ns)).isEmpty();

        storage().put(ns, "kept", ofText("k"));
        storage().putAll(ns, Map.of());

        assertThat(storage().names(ns)).containsExactly("kept");
    }

    @Test
    default void putAllWithOneOversizedValueStoresNothing() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "existing", ofText("old"));
        Map<String, SecretBytes> batch = new LinkedHashMap<>();
        batch.put("existing", ofText("new"));
        batch.put("fresh", ofText("fresh"));
        batch.put("huge", filled(SecureStorage.MAX_VALUE_BYTES + 1, 7));

        assertThatThrownBy(() -> storage().putAll(ns, batch)).isInstanceOf(MalformedDataException.class);

        assertThat(storage().names(ns)).containsExactly("existing");
        assertHolds(storage().get(ns, "existing"), ofText("old"));
    }

    @Test
    default void putAllWithOneInvalidNameStoresNothing() {
        StorageNamespace ns = namespace("A");
        Map<String, SecretBytes> batch = new LinkedHashMap<>();
        batch.put("good", ofText("g"));
        batch.put(" ", ofText("blank"));

        assertThatThrownBy(() -> storage().putAll(ns, batch)).isInstanceOf(MalformedDataException.class);

        assertThat(storage().names(ns)).isEmpty();
    }

    @Test
    default void putAllWithOneDestroyedValueStoresNothing() {
        StorageNamespace ns = namespace("A");
        SecretBytes destroyed = ofText("gone");
        destroyed.destroy();
        Map<String, SecretBytes> batch = new LinkedHashMap<>();
        batch.put("good", ofText("g"));
        batch.put("destroyed", destroyed);

        assertThatThrownBy(() -> storage().putAll(ns, batch)).isInstanceOf(IllegalStateException.class);

        assertThat(storage().names(ns)).isEmpty();
    }

    @Test
    default void deleteAllByNameRemovesOnlyTheNamedEntriesAndCountsThoseThatExisted() {
        StorageNamespace ns = namespace("A");
        StorageNamespace other = namespace("B");
        storage().putAll(ns, Map.of("activation", ofText("a"), "token/1", ofText("1"), "token/2", ofText("2")));
        storage().put(other, "token/1", ofText("other"));

        int removed = storage().deleteAll(ns, List.of("token/1", "token/2", "token/1", "token/never"));

        assertThat(removed).isEqualTo(2);
        assertThat(storage().names(ns)).containsExactly("activation");
        assertHolds(storage().get(other, "token/1"), ofText("other"));
        assertThat(storage().deleteAll(ns, List.of())).isZero();
        assertThat(storage().deleteAll(ns, List.of("token/1"))).isZero();
    }

    @Test
    default void deleteAllByNameWithOneInvalidNameRemovesNothing() {
        StorageNamespace ns = namespace("A");
        storage().putAll(ns, Map.of("a", ofText("a"), "b", ofText("b")));

        assertThatThrownBy(() -> storage().deleteAll(ns, List.of("a", "", "b")))
                .isInstanceOf(MalformedDataException.class);

        assertThat(storage().names(ns)).containsExactlyInAnyOrder("a", "b");
    }
}
