package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.filled;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** {@link SecureStorageContract}, part 1: put, get, delete, listing, wipe per namespace, copies in and out. */
public interface SecureStorageBasicsContract extends SecureStorageFixture {
    @Test
    default void getReturnsWhatPutStored() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "activation", patterned(500, 1));

        assertHolds(storage().get(ns, "activation"), patterned(500, 1));
    }

    @Test
    default void getOfMissingNameIsEmpty() {
        StorageNamespace ns = namespace("A");
        assertThat(storage().get(ns, "never-written")).isEmpty();

        storage().put(ns, "other", ofText("x"));

        assertThat(storage().get(ns, "never-written")).isEmpty();
    }

    @Test
    default void putOverwritesTheWholeValue() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "token", patterned(600, 1));
        storage().put(ns, "token", patterned(10, 2));

        assertHolds(storage().get(ns, "token"), patterned(10, 2));
        assertThat(storage().names(ns)).containsExactly("token");
    }

    @Test
    default void deleteRemovesTheEntryAndReportsWhetherItExisted() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "token", ofText("v"));
        storage().put(ns, "kept", ofText("k"));

        assertThat(storage().delete(ns, "token")).isTrue();
        assertThat(storage().get(ns, "token")).isEmpty();
        assertThat(storage().delete(ns, "token")).isFalse();
        assertHolds(storage().get(ns, "kept"), ofText("k"));
    }

    @Test
    default void deleteOfMissingNameReturnsFalseAndChangesNothing() {
        StorageNamespace ns = namespace("A");
        assertThat(storage().delete(ns, "never-written")).isFalse();
        storage().put(ns, "kept", ofText("k"));

        assertThat(storage().delete(ns, "never-written")).isFalse();

        assertThat(storage().names(ns)).containsExactly("kept");
    }

    @Test
    default void anEntryCanBeWrittenAgainAfterDelete() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "token", ofText("one"));
        storage().delete(ns, "token");

        storage().put(ns, "token", ofText("two"));

        assertHolds(storage().get(ns, "token"), ofText("two"));
    }

    @Test
    default void namesOfAnUnusedNamespaceIsEmpty() {
        assertThat(storage().names(namespace("A"))).isEmpty();
    }

    @Test
    default void namesListsExactlyTheLiveEntries() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "activation", ofText("a"));
        storage().put(ns, "token/1", ofText("1"));
        storage().put(ns, "token/2", ofText("2"));
        storage().put(ns, "token/2", ofText("2b"));
        storage().delete(ns, "token/1");

        assertThat(storage().names(ns)).containsExactlyInAnyOrder("activation", "token/2");
    }

    @Test
    default void namesIsAnUnmodifiableSnapshot() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "a", ofText("a"));
        Set<String> before = storage().names(ns);

        storage().put(ns, "b", ofText("b"));
        storage().delete(ns, "a");

        assertThat(before).containsExactly("a");
        assertThatThrownBy(() -> before.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(storage().names(ns)).containsExactly("b");
    }

    @Test
    default void deleteAllWipesTheNamespaceAndReturnsTheCount() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "activation", ofText("a"));
        storage().put(ns, "token/1", ofText("1"));
        storage().put(ns, "token/2", ofText("2"));

        assertThat(storage().deleteAll(ns)).isEqualTo(3);

        assertThat(storage().names(ns)).isEmpty();
        assertThat(storage().get(ns, "activation")).isEmpty();
        assertThat(storage().deleteAll(ns)).isZero();
    }

    @Test
    default void deleteAllLeavesOtherNamespacesUntouched() {
        StorageNamespace a = namespace("A");
        StorageNamespace b = namespace("B");
        storage().put(a, "token", ofText("a"));
        storage().put(b, "token", ofText("b"));
        storage().put(b, "activation", ofText("b-act"));

        assertThat(storage().deleteAll(a)).isEqualTo(1);

        assertThat(storage().names(b)).containsExactlyInAnyOrder("token", "activation");
        assertHolds(storage().get(b, "token"), ofText("b"));
    }

    @Test
    default void aWipedNamespaceCanBeUsedAgain() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "token", ofText("old"));
        storage().deleteAll(ns);

        storage().put(ns, "token", ofText("new"));

        assertHolds(storage().get(ns, "token"), ofText("new"));
        assertThat(storage().names(ns)).containsExactly("token");
    }

    @Test
    default void storageDoesNotRetainTheCallersArray() {
        StorageNamespace ns = namespace("A");
        byte[] callerArray = new byte[32];
        Arrays.fill(callerArray, (byte) 0x11);
        storage().put(ns, "token", SecretBytes.takeOwnership(callerArray));

        Arrays.fill(callerArray, (byte) 0x22);

        assertHolds(storage().get(ns, "token"), filled(32, 0x11));
    }

    @Test
    default void destroyingWhatWasPutDoesNotChangeStorage() {
        StorageNamespace ns = namespace("A");
        SecretBytes single = patterned(64, 1);
        SecretBytes batched = patterned(64, 2);
        storage().put(ns, "single", single);
        storage().putAll(ns, Map.of("batched", batched));

        single.destroy();
        batched.destroy();

        assertHolds(storage().get(ns, "single"), patterned(64, 1));
        assertHolds(storage().get(ns, "batched"), patterned(64, 2));
    }

    @Test
    default void everyReadReturnsAnIndependentCopy() {
        StorageNamespace ns = namespace("A");
        storage().put(ns, "token", patterned(64, 1));
        SecretBytes first = storage().get(ns, "token").orElseThrow();
        SecretBytes second = storage().get(ns, "token").orElseThrow();

        first.destroy();

        assertThat(second).isNotSameAs(first);
        assertHolds(Optional.of(second), patterned(64, 1));
        assertHolds(storage().get(ns, "token"), patterned(64, 1));
    }
}
