package org.opentokens.powerauth.token.wiring.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorGate;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.testing.Reliability;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * The activation is lost while token requests are in flight, held at the emulator (before it processes them, or
 * processed with the answer held): removed locally, removed on the server and detected by a status call, or
 * replaced by a new activation. Every in-flight future fails at once with {@link MissingActivationException} and
 * never yields a token; the token completed before the loss is wiped with the activation; and once the held
 * answers arrive and every client thread has ended, no token of a lost activation is in storage or in the cache.
 */
@Tag("reliability")
class ActivationLossRaceReliabilityTest {
    private static final String INSTANCE = "race";
    private static final String CREATE = "/pa/v3/token/create";

    /** How the activation goes. */
    enum Loss { REMOVED_LOCALLY, REMOVED_ON_SERVER, REPLACED }

    private final ReliabilityBed bed = new ReliabilityBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void noTokenSurvivesOrIsReturnedWhenTheActivationIsLostDuringARequest() throws Exception {
        int iterations = Reliability.pick(20, 100);
        ThreadCensus census = ThreadCensus.take();
        PowerAuthClient client = bed.client(bed.config(INSTANCE, Duration.ofSeconds(20)).build());
        Set<String> lost = new HashSet<>();
        Set<String> names = new HashSet<>();
        Map<Loss, Integer> runs = new EnumMap<>(Loss.class);
        String current = null;
        int failedFutures = 0;

        for (int i = 0; i < iterations; i++) {
            if (current == null) {
                if (client.activation().localState() != LocalActivationState.NONE) {
                    client.activation().removeActivationLocal();
                }
                current = bed.activate(client);
            }
            String kept = "kept-" + i;
            String flying = "flying-" + i;
            names.add(kept);
            names.add(flying);
            PowerAuthToken before = client.tokenStore().requestAccessToken(kept,
                    PowerAuthAuthentication.possession()).join();
            boolean processedFirst = i % 2 == 0;
            EmulatorGate gate = processedFirst ? bed.emulator.faults().holdResponse(CREATE)
                    : bed.emulator.faults().holdRequest(CREATE);
            List<CompletableFuture<PowerAuthToken>> inFlight = new ArrayList<>();
            inFlight.add(client.tokenStore().requestAccessToken(flying, PowerAuthAuthentication.possession()));
            inFlight.add(client.tokenStore().requestAccessToken(flying, PowerAuthAuthentication.possession()));
            assertThat(gate.awaitArrival(Duration.ofSeconds(20))).isTrue();

            Loss loss = Loss.values()[i % Loss.values().length];
            runs.merge(loss, 1, Integer::sum);
            lost.add(current);
            current = lose(client, loss, current);

            for (CompletableFuture<PowerAuthToken> future : inFlight) {
                assertThat(future).as("%s: the in-flight request failed at the loss", loss)
                        .isCompletedExceptionally();
                assertThat(ReliabilityBed.failure(future)).isInstanceOf(MissingActivationException.class);
                failedFutures++;
            }
            assertThat(client.tokenStore().hasLocalToken(before.tokenName())).as("the earlier token is wiped")
                    .isFalse();
            assertNoTokenOf(lost, client, names);
            gate.release();
        }

        client.close();
        assertThat(census.leftovers(ThreadCensus.HTTP_CLIENT.negate(), false))
                .as("every client worker, and with it every held request, has ended").isEmpty();
        assertNoTokenOf(lost, null, names);
        PowerAuthClient after = bed.client(bed.config(INSTANCE, Duration.ofSeconds(20)).build());
        assertNoTokenOf(lost, after, names);
        assertThat(runs.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(iterations);
        Reliability.record("activation loss races",
                iterations + " losses with 2 requests in flight each (" + runs.entrySet().stream()
                        .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + e.getValue())
                        .collect(Collectors.joining(", ")) + "; half held before processing, half after): "
                        + failedFutures + " futures failed with MissingActivationException, 0 returned a token,"
                        + " 0 tokens of " + lost.size() + " lost activations left in storage or cache");
    }

    /** @return the activation that is current afterwards, or null */
    private String lose(PowerAuthClient client, Loss loss, String activationId) {
        switch (loss) {
            case REMOVED_LOCALLY -> {
                client.activation().removeActivationLocal();
                return null;
            }
            case REMOVED_ON_SERVER -> {
                bed.emulator.removeActivation(activationId);
                assertThat(client.activation().fetchActivationStatus().join().state())
                        .isEqualTo(ActivationState.REMOVED);
                return null;
            }
            case REPLACED -> {
                client.activation().removeActivationLocal();
                return bed.activate(client);
            }
            default -> throw new IllegalStateException(loss.name());
        }
    }

    /** Storage, and the client's view when given, hold no token of a lost activation. */
    private void assertNoTokenOf(Set<String> lost, PowerAuthClient client, Set<String> names) {
        StorageNamespace namespace = StorageNamespace.of(INSTANCE);
        for (String entry : bed.storage.names(namespace)) {
            if (entry.startsWith("token:")) {
                bed.storage.get(namespace, entry).ifPresent(value -> {
                    TokenRecord record = TokenRecord.decode(value);
                    assertThat(lost).as("a stored token's activation").doesNotContain(record.activationId());
                    record.destroy();
                });
            }
        }
        if (client != null) {
            for (String name : names) {
                client.tokenStore().getLocalToken(name).ifPresent(token ->
                        assertThat(lost).as("a cached token's activation").doesNotContain(token.activationId()));
            }
        }
    }
}
