package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.port.out.StorageTestSupport.assertHolds;
import static org.opentokens.powerauth.token.port.out.TestSecretBytesFactory.patterned;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Crashes a keychain write after every possible number of item operations and checks that a restarted
 * process sees the namespace entirely before or entirely after the write, and that leftovers are swept. A wipe
 * keeps the namespace's head item, holding no entries and the version, so that the version survives it.
 */
class ItemLayoutCrashTest {
    private static final StorageNamespace NS = StorageNamespace.of("instance");
    private static final int ITEM = 100;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"small, small", "small, large", "large, small", "large, large", "none, large", "large, none"})
    void aCrashAtAnyStepLeavesTheOldOrTheNewNamespace(String before, String after) {
        for (int crashAt = 0; ; crashAt++) {
            FakeKeyringBackend backend = new FakeKeyringBackend(ITEM);
            KeyringSecureStorage storage = TestKeyrings.over("svc", backend);
            Map<String, SecretBytes> oldEntries = entries(before, 1);
            Map<String, SecretBytes> newEntries = entries(after, 2);
            if (!oldEntries.isEmpty()) {
                storage.putAll(NS, oldEntries);
            }
            backend.crashAfter(crashAt);
            boolean crashed = false;
            try {
                if (newEntries.isEmpty()) {
                    storage.deleteAll(NS);
                } else {
                    storage.putAll(NS, newEntries);
                }
            } catch (FakeKeyringBackend.Crash e) {
                crashed = true;
            }

            FakeKeyringBackend afterRestart = backend.restarted();
            afterRestart.crashAfter(Integer.MAX_VALUE);
            KeyringSecureStorage restarted = TestKeyrings.over("svc", afterRestart);
            Set<String> names = restarted.names(NS);
            if (names.equals(newEntries.keySet()) && holds(restarted, newEntries)) {
                // the write committed
            } else {
                assertThat(names).as("crash after %d item operations", crashAt).isEqualTo(oldEntries.keySet());
                assertThat(holds(restarted, oldEntries)).isTrue();
            }
            // The next write sweeps whatever the crash left, and only the live items remain.
            restarted.putAll(NS, entries("large", 3));
            restarted.deleteAll(NS);
            assertOnlyAnEmptyHeadIsLeft(afterRestart, "after crash " + crashAt + " and a wipe");
            if (!crashed) {
                return;
            }
        }
    }

    @Test
    void wipingANamespaceAfterACrashedWipeLeavesNoChunkItemBehind() {
        int chunkItems = 0;
        for (int crashAt = 1; crashAt == 1 || crashAt <= chunkItems; crashAt++) {
            FakeKeyringBackend backend = new FakeKeyringBackend(ITEM);
            TestKeyrings.over("svc", backend).putAll(NS, entries("large", 1));
            chunkItems = backend.items().size() - 1;
            backend.crashAfter(crashAt); // the head goes first, then the chunks from the last one down
            assertThatThrownBy(() -> TestKeyrings.over("svc", backend).deleteAll(NS))
                    .isInstanceOf(FakeKeyringBackend.Crash.class);
            FakeKeyringBackend afterRestart = backend.restarted();
            afterRestart.crashAfter(Integer.MAX_VALUE);
            KeyringSecureStorage restarted = TestKeyrings.over("svc", afterRestart);
            assertThat(restarted.names(NS)).isEmpty();
            assertThat(afterRestart.items().keySet()).as("chunks of removed records left by the crash")
                    .anyMatch(account -> !account.equals(KeyringSecureStorage.account(NS)));

            restarted.deleteAll(NS);

            assertOnlyAnEmptyHeadIsLeft(afterRestart, "after wiping again (crash after " + crashAt + " item calls)");
        }
        assertThat(chunkItems).as("chunk items of the namespace").isGreaterThan(2);
    }

    @Test
    void aChunkThatDoesNotMatchItsHeadIsCorrupt() {
        FakeKeyringBackend backend = new FakeKeyringBackend(ITEM);
        KeyringSecureStorage storage = TestKeyrings.over("svc", backend);
        storage.putAll(NS, entries("large", 1));
        String chunk = ItemLayout.chunkAccount(KeyringSecureStorage.account(NS), 0, 1);
        byte[] damaged = backend.items().get(chunk);
        damaged[5] ^= 1;

        assertThatThrownBy(() -> storage.names(NS)).isInstanceOf(StorageCorruptException.class);
        backend.items().remove(chunk);
        assertThatThrownBy(() -> storage.names(NS)).isInstanceOf(StorageCorruptException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void aWipeMovesTheVersionOnAndNoCrashDuringAWriteMovesItBack() {
        FakeKeyringBackend backend = new FakeKeyringBackend(ITEM);
        KeyringSecureStorage storage = TestKeyrings.over("svc", backend);
        storage.putAll(NS, entries("large", 1));
        long beforeWipe = storage.version(NS);
        storage.deleteAll(NS);
        long afterWipe = storage.version(NS);
        backend.crashAfter(1); // among the chunk items of the next write, before its head
        assertThatThrownBy(() -> storage.putAll(NS, entries("large", 2))).isInstanceOf(FakeKeyringBackend.Crash.class);

        KeyringSecureStorage restarted = TestKeyrings.over("svc", backend.restarted());
        backend.crashAfter(Integer.MAX_VALUE);

        assertThat(afterWipe).isGreaterThan(beforeWipe);
        assertThat(restarted.version(NS)).as("version after the crashed write").isEqualTo(afterWipe);
        restarted.putAll(NS, entries("small", 3));
        assertThat(restarted.version(NS)).isGreaterThan(afterWipe);
    }

    private static void assertOnlyAnEmptyHeadIsLeft(FakeKeyringBackend backend, String when) {
        String head = KeyringSecureStorage.account(NS);
        assertThat(backend.items().keySet()).as("items left " + when).containsExactly(head);
        assertThat(TestKeyrings.over("svc", backend.restarted()).names(NS)).as("entries left " + when).isEmpty();
    }

    private static boolean holds(KeyringSecureStorage storage, Map<String, SecretBytes> entries) {
        for (Map.Entry<String, SecretBytes> entry : entries.entrySet()) {
            SecretBytes value = storage.get(NS, entry.getKey()).orElse(null);
            if (value == null || !value.sameBytesAs(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, SecretBytes> entries(String size, int seed) {
        return switch (size) {
            case "none" -> Map.of();
            case "small" -> Map.of("a", patterned(10, seed), "b", patterned(20, seed));
            default -> Map.of("a", patterned(450, seed), "b", patterned(300, seed));
        };
    }

    @Test
    void largeNamespacesRoundTripThroughChunks() {
        FakeKeyringBackend backend = new FakeKeyringBackend(ITEM);
        KeyringSecureStorage storage = TestKeyrings.over("svc", backend);
        storage.put(NS, "big", patterned(5000, 4));

        assertHolds(storage.get(NS, "big"), patterned(5000, 4));
        assertThat(backend.items()).hasSizeGreaterThan(50).allSatisfy((account, value) ->
                assertThat(value.length).isLessThanOrEqualTo(ITEM));
    }
}
