package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.SectionProbe.LONG_WAIT;
import static org.opentokens.powerauth.token.port.out.SectionProbe.SHORT_WAIT;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.runConcurrently;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.ofText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.StorageBusyException;

/**
 * The storage contract on a shared backing store, part 1: two storage objects in one process over the same
 * store (a file, a keychain service) behave as one. Run by the persistent adapters.
 */
public interface SecureStorageSharingContract extends SharedStorageFixture {
    @Test
    default void eachStorageSeesTheOthersWritesAndVersions() {
        StorageNamespace ns = namespace("A");
        SecureStorage first = storage();
        SecureStorage second = secondStorage();
        long secondBefore = second.version(ns);

        first.put(ns, "token", ofText("from the first"));
        long secondAfterPut = second.version(ns);
        assertHolds(second.get(ns, "token"), ofText("from the first"));

        long firstBefore = first.version(ns);
        second.putAll(ns, Map.of("token", ofText("from the second"), "other", ofText("x")));
        long firstAfterPutAll = first.version(ns);
        assertHolds(first.get(ns, "token"), ofText("from the second"));

        assertThat(second.delete(ns, "token")).isTrue();
        long firstAfterDelete = first.version(ns);
        assertThat(first.get(ns, "token")).isEmpty();
        assertThat(first.deleteAll(ns)).isEqualTo(1);
        long secondAfterWipe = second.version(ns);

        assertThat(second.names(ns)).isEmpty();
        assertThat(List.of(secondBefore, secondAfterPut)).isSorted().doesNotHaveDuplicates();
        assertThat(List.of(firstBefore, firstAfterPutAll, firstAfterDelete)).isSorted().doesNotHaveDuplicates();
        assertThat(secondAfterWipe).isGreaterThan(secondAfterPut).isEqualTo(first.version(ns));
    }

    @Test
    default void aSectionHeldThroughOneStorageExcludesTheOther() throws Exception {
        StorageNamespace ns = namespace("A");
        try (SectionProbe.Holder holder = SectionProbe.Holder.enter(storage(), ns)) {
            assertThatThrownBy(() -> secondStorage().exclusive(ns, Duration.ZERO, () -> "entered"))
                    .isInstanceOf(StorageBusyException.class);
            assertThatThrownBy(() -> secondStorage().exclusive(ns, SHORT_WAIT, () -> "entered"))
                    .isInstanceOf(StorageBusyException.class);
        }
        assertThat(secondStorage().exclusive(ns, LONG_WAIT, () -> "entered")).isEqualTo("entered");
    }

    @Test
    default void theHolderEntersAgainThroughTheOtherStorage() throws Exception {
        StorageNamespace ns = namespace("A");

        String result = storage().exclusive(ns, LONG_WAIT,
                () -> secondStorage().exclusive(ns, Duration.ZERO, () -> "nested through the second"));

        assertThat(result).isEqualTo("nested through the second");
    }

    @Test
    default void threadsCountingThroughBothStoragesLoseNoUpdate() throws Exception {
        StorageNamespace ns = namespace("A");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (SecureStorage storage : List.of(storage(), secondStorage(), storage(), secondStorage())) {
            tasks.add(() -> {
                SectionProbe.count(storage, ns, "counter", 20, inside, maxInside);
                return null;
            });
        }

        runConcurrently(tasks);

        assertThat(maxInside.get()).as("threads inside the section at once").isEqualTo(1);
        assertThat(SectionProbe.read(secondStorage(), ns, "counter")).isEqualTo(80);
    }
}
