package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivation;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.EmulatorFaults;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/** The hash counter on both sides, over real HTTP: gaps, resynchronization and the acceptance run. */
class CounterSyncE2eTest {
    private static final String CREATE = "/pa/v3/token/create";
    private static final String INSTANCE = "default";
    private final EmulatorBed bed = new EmulatorBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void signaturesComputedButNeverProcessedAreBridgedAndTheStatusSaysSoUntilTheNextSignedCall() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        client.tokenStore().requestAccessToken("warm-up", PowerAuthAuthentication.possession()).join();
        for (int i = 0; i < 12; i++) {
            bed.emulator.faults().reset(CREATE);
            assertThat(EmulatorBed.failure(client.tokenStore().requestAccessToken("lost" + i,
                    PowerAuthAuthentication.possession()))).isInstanceOf(ServerUnreachableException.class);
        }
        assertThat(countersAgree(id)).as("the client is 12 steps ahead").isFalse();

        PowerAuthActivationStatus ahead = client.activation().fetchActivationStatus().join();
        assertThat(ahead.signSoon()).isTrue();
        assertThat(ahead.counterResynchronized()).isFalse();

        client.tokenStore().requestAccessToken("after", EmulatorBed.password()).join();

        assertThat(countersAgree(id)).isTrue();
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertInSync(client.activation().fetchActivationStatus().join());
    }

    @Test
    void aCounterRestoredFromAnOlderCopyIsMovedForwardByTheStatus() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        StorageNamespace namespace = StorageNamespace.of(INSTANCE);
        SecretBytes older = bed.storage.get(namespace, InstanceStore.ACTIVATION_ENTRY).orElseThrow();
        for (int i = 0; i < 3; i++) {
            client.tokenStore().requestAccessToken("t" + i, PowerAuthAuthentication.possession()).join();
        }
        client.close();
        bed.storage.put(namespace, InstanceStore.ACTIVATION_ENTRY, older);

        PowerAuthClient restored = bed.client();
        assertThat(countersAgree(id)).isFalse();
        PowerAuthActivationStatus status = restored.activation().fetchActivationStatus().join();

        assertThat(status.counterResynchronized()).isTrue();
        assertThat(countersAgree(id)).isTrue();
        restored.tokenStore().requestAccessToken("after", EmulatorBed.password()).join();
        assertThat(countersAgree(id)).isTrue();
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
    }

    /**
     * Acceptance: 50 signed calls, 30 that succeed and 20 that fail in every way a signed call can fail (wrong
     * password, a dropped connection, a 5xx, garbage, a response that does not decrypt), and both sides end on
     * the same counter.
     */
    @Test
    void afterFiftyMixedSignedCallsTheCountersOnBothSidesAgree() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        List<Consumer<EmulatorFaults>> faults = List.of(
                f -> f.reset(CREATE),
                f -> f.status(CREATE, 503, "<html>maintenance</html>"),
                f -> f.garbageJson(CREATE),
                f -> f.wrongEciesMac(CREATE));
        int succeeded = 0;
        int failed = 0;

        for (int i = 0; i < 50; i++) {
            boolean ok = switch (i % 5) {
                case 0 -> attempt(client.tokenStore().requestAccessToken("bad" + i, EmulatorBed.wrongPassword()));
                case 1 -> attempt(client.tokenStore().requestAccessToken("k" + i, EmulatorBed.password()));
                case 2 -> attempt(client.tokenStore().removeAccessToken("k" + (i - 1)));
                case 3 -> {
                    faults.get((i / 5) % faults.size()).accept(bed.emulator.faults());
                    yield attempt(client.tokenStore().requestAccessToken("f" + i,
                            PowerAuthAuthentication.possession()));
                }
                default -> attempt(client.tokenStore().requestAccessToken("p" + i,
                        PowerAuthAuthentication.possession()));
            };
            if (ok) {
                succeeded++;
            } else {
                failed++;
            }
        }

        assertThat(succeeded).isEqualTo(30);
        assertThat(failed).isEqualTo(20);
        assertThat(bed.emulator.faults().pending()).isZero();
        EmulatorActivation server = bed.emulator.activation(id);
        HashCounter local = bed.storedRecord(INSTANCE).counter();
        assertThat(local.sameCounterAs(serverCounter(server))).as("CTR_DATA and CTR_BYTE").isTrue();
        assertThat(local.ctrByte()).isEqualTo((int) (server.counter() & 0xFF));
        assertThat(server.state()).isEqualTo(EmulatorActivationState.ACTIVE);
        assertThat(server.failedAttempts()).isZero();
        assertInSync(client.activation().fetchActivationStatus().join());
        assertThat(client.tokenStore().localTokenNames()).hasSize(10).allMatch(name -> name.startsWith("p"));
    }

    private static boolean attempt(CompletableFuture<?> call) {
        try {
            call.join();
            return true;
        } catch (CompletionException e) {
            return false;
        }
    }

    private boolean countersAgree(String activationId) {
        return bed.storedRecord(INSTANCE).counter().sameCounterAs(serverCounter(bed.emulator.activation(activationId)));
    }

    /** @return the server's counter: its CTR_DATA, and its step count's low byte as CTR_BYTE */
    private static HashCounter serverCounter(EmulatorActivation server) {
        return HashCounter.of(Base64.getDecoder().decode(server.ctrDataBase64()), (int) (server.counter() & 0xFF));
    }

    private static void assertInSync(PowerAuthActivationStatus status) {
        assertThat(status.counterResynchronized()).isFalse();
        assertThat(status.signSoon()).isFalse();
        assertThat(status.failedAttempts()).isZero();
    }
}
