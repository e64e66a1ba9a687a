package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

/**
 * When the executor refuses work (a host shut it down), every server call fails through its future at once with
 * the library's {@link ClientClosedException} (the executor's refusal as its cause),
 * leaves nothing behind that blocks the next call, and wipes the authentication it was given.
 */
class RejectedWorkTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @Test
    void aRefusedTokenRequestFailsAndTheNextRequestForTheNameFailsTooInsteadOfHanging() {
        Testbed.Client client = bed.client();
        client.activate();
        bed.executor.shutdownNow();

        for (int attempt = 0; attempt < 2; attempt++) {
            PowerAuthAuthentication auth = PowerAuthAuthentication.possession();
            CompletableFuture<?> request = client.tokens.requestAccessToken("t", auth);
            assertThat(request).as("attempt %d", attempt).isCompletedExceptionally();
            assertThat(Testbed.failure(request)).isInstanceOf(ClientClosedException.class)
                    .hasCauseInstanceOf(RejectedExecutionException.class);
            assertThat(auth.isDestroyed()).isTrue();
        }
        assertThat(client.tokens.hasLocalToken("t")).isFalse();
    }

    @Test
    void refusedActivationCallsFailThroughTheirFuturesAndWipeTheAuthentication() {
        Testbed.Client active = bed.client("active", ProtocolVersion.V3_3);
        active.activate();
        Testbed.Client fresh = bed.client("fresh", ProtocolVersion.V3_3);
        String code = bed.emulator.initActivation(bed.application).activationCode();
        bed.executor.shutdownNow();

        PowerAuthAuthentication auth = PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD);
        CompletableFuture<?> remove = active.activation.removeActivation(auth);
        CompletableFuture<?> status = active.activation.fetchActivationStatus();
        assertThat(remove).isCompletedExceptionally();
        assertThat(status).isCompletedExceptionally();
        assertThat(Testbed.failure(remove)).isInstanceOf(ClientClosedException.class)
                    .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(Testbed.failure(status)).isInstanceOf(ClientClosedException.class)
                    .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(auth.isDestroyed()).isTrue();

        for (int attempt = 0; attempt < 2; attempt++) {
            CompletableFuture<?> create = fresh.activation.createActivation(PowerAuthActivation.builder(code, "x")
                    .build());
            assertThat(create).isCompletedExceptionally();
            assertThat(Testbed.failure(create)).as("attempt %d is not 'already being created'", attempt)
                    .isInstanceOf(ClientClosedException.class)
                    .hasCauseInstanceOf(RejectedExecutionException.class);
        }
    }

    @Test
    void aRefusedTokenRemovalFailsThroughItsFutureAndKeepsTheToken() {
        Testbed.Client client = bed.client();
        client.activate();
        client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        bed.executor.shutdownNow();

        CompletableFuture<?> remove = client.tokens.removeAccessToken("t");

        assertThat(remove).isCompletedExceptionally();
        assertThat(Testbed.failure(remove)).isInstanceOf(ClientClosedException.class)
                    .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(client.tokens.hasLocalToken("t")).isTrue();
    }
}
