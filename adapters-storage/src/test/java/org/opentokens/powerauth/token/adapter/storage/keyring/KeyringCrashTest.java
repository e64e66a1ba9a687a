package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.adapter.storage.ChildJvm;
import org.opentokens.powerauth.token.adapter.storage.CrashCheck;
import org.opentokens.powerauth.token.adapter.storage.CrashPoint;
import org.opentokens.powerauth.token.adapter.storage.CrashTally;
import org.opentokens.powerauth.token.adapter.storage.TestStorageKeys;
import org.opentokens.powerauth.token.adapter.storage.ValueStamp;
import org.opentokens.powerauth.token.adapter.storage.WorkloadWriter;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Crash consistency of the keychain store on the real Secret Service (gnome-keyring in CI): a writer process
 * runs a random mix of put, putAll, delete, deleteAll(names) and deleteAll(namespace) on a namespace stored
 * in 960-byte chunk items, and is SIGKILLed again and again. After every kill the namespace must read as exactly
 * the state after the last acknowledged call or after the call in flight; at the end, wiping the namespace must
 * leave no item of it behind but its head, holding no entries (and the namespace's version). Skipped, like the keychain contract, only on a machine without a session bus
 * outside CI.
 */
@Tag("reliability")
class KeyringCrashTest {
    private static final String SERVICE = KeyringSecureStorageTest.SERVICE;
    /** Chunk slots are numbered from 0; no namespace of this workload needs more items than this. */
    private static final int MAX_CHUNKS = 64;

    /** Opens the session's keychain with small items; the child process uses exactly the same layout. */
    static KeyringSecureStorage open() {
        return TestKeyrings.over(SERVICE, backend());
    }

    private static KeyringBackend backend() {
        return new ItemSizeLimitedBackend(LibSecretBackend.load(SERVICE, KeyringCalls.DEFAULT_TIMEOUT),
                KeyringBackends.WINDOWS_MAX_ITEM_BYTES);
    }

    @Test
    void sigkillMidWriteLeavesTheChunkedNamespaceAsBeforeOrAfterTheCallInFlight() throws Exception {
        SecretServiceEnvironment.requireSessionBus();
        int kills = Reliability.pick(5, 50);
        StorageNamespace namespace = StorageNamespace.of(
                "crash-" + HexFormat.of().formatHex(TestStorageKeys.random().nextBytes(4)));
        String account = KeyringSecureStorage.account(namespace);
        KeyringBackend backend = backend();
        KeyringSecureStorage storage = TestKeyrings.over(SERVICE, backend);
        Random random = new Random(50);
        Map<String, ValueStamp> state = Map.of();
        CrashTally tally = new CrashTally();
        int chunkedChecks = 0;

        try {
            for (int kill = 0; kill < kills; kill++) {
                CrashPoint point;
                ChildJvm child = ChildJvm.startKillable(KeyringCrashChild.class, Map.of(), namespace.id(),
                        Long.toString(random.nextLong()), Long.toString((kill + 1) * 1_000_000L));
                try (WorkloadWriter writer = WorkloadWriter.start("keychain writer", child, state)) {
                    writer.awaitAcked(2 + random.nextInt(6));
                    // Spreads the kill over the next call (tens of item calls); correctness never depends on it.
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(150_000)));
                    point = writer.killAndSettle();
                }
                if (backend.read(account).map(head -> head.length > 0 && head[0] == 'C').orElse(false)) {
                    chunkedChecks++;
                }
                CrashCheck.Verdict verdict = CrashCheck.check(storage, namespace, point);
                tally.add(point, verdict);
                state = verdict.actual();
            }
        } finally {
            storage.deleteAll(namespace);
        }

        List<String> leftovers;
        try {
            leftovers = leftovers(backend, account);
        } finally {
            storage.forget(namespace);
        }
        tally.assertExercised(kills);
        assertThat(chunkedChecks).as("checks that found the namespace in chunk items").isPositive();
        assertThat(leftovers).as("items of the namespace left after deleteAll").isEmpty();
        Reliability.record("crash: keychain (Secret Service, 960-byte chunk items) writer SIGKILLed mid-write",
                tally.figure() + "; " + chunkedChecks + " checks on a chunked namespace; only the empty head left after the wipe");
    }

    private static List<String> leftovers(KeyringBackend backend, String account) {
        List<String> found = new ArrayList<>();
        if (new ItemLayout(backend).read(account).map(head -> !NamespaceCodec.decode(head.payload).isEmpty())
                .orElse(false)) {
            found.add(account);
        }
        for (int slot = 0; slot < 2; slot++) {
            for (int i = 0; i < MAX_CHUNKS; i++) {
                String chunk = ItemLayout.chunkAccount(account, slot, i);
                if (backend.read(chunk).isPresent()) {
                    found.add(chunk);
                }
            }
        }
        return found;
    }
}
