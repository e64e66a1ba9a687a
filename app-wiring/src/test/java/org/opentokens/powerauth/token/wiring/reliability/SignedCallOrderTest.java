package org.opentokens.powerauth.token.wiring.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * Regression: signed calls of one activation ran side by side, so a later-counter call could reach the server
 * first; the server then moved past the earlier counter and rejected the earlier call (401, and a failed attempt
 * for knowledge factors). Found by the stress test. Signed calls now queue, so they arrive in counter order.
 */
class SignedCallOrderTest {
    private static final String CREATE = "/pa/v3/token/create";
    private static final String REMOVE = "/pa/v3/token/remove";

    private final ReliabilityBed bed = new ReliabilityBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aSignedCallWaitsForTheEarlierOneSoBothSucceed() throws Exception {
        PowerAuthClient client = bed.client(bed.config("order", Duration.ofSeconds(20)).build());
        bed.activate(client);
        client.tokenStore().requestAccessToken("old", PowerAuthAuthentication.possession()).join();
        EmulatorGate first = bed.emulator.faults().holdRequest(CREATE);
        CompletableFuture<?> create = client.tokenStore().requestAccessToken("new",
                ReliabilityBed.password());
        assertThat(first.awaitArrival(Duration.ofSeconds(20))).isTrue();

        CompletableFuture<Void> remove = client.tokenStore().removeAccessToken("old");
        // Give an overtaking removal the chance to reach the server; a correct client never sends it meanwhile.
        boolean overtook = awaitRemoval(Duration.ofSeconds(1));
        first.release();

        assertThat(overtook).as("the later signed call was sent before the earlier one was answered").isFalse();
        create.get();
        remove.get();
        assertThat(client.tokenStore().hasLocalToken("new")).isTrue();
        assertThat(client.tokenStore().hasLocalToken("old")).isFalse();
        assertThat(bed.emulator.activation(client.activation().activationIdentifier().orElseThrow())
                .failedAttempts()).isZero();
    }

    private boolean awaitRemoval(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (bed.emulator.count(REMOVE) > 0) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
