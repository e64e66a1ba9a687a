package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.TokenFactorMismatchException;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;

class SingleFlightTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @Test
    void aThousandConcurrentCallersShareOneServerCallAndOneToken() throws Exception {
        Testbed.Client client = bed.client();
        client.activate();
        Gate gate = new Gate();
        bed.server.beforeSignedSend(gate);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<CompletableFuture<PowerAuthToken>>> requests = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return client.tokens.requestAccessToken("shared", PowerAuthAuthentication.possession());
            }, callers));
        }
        start.countDown();
        gate.awaitArrival();
        List<CompletableFuture<PowerAuthToken>> futures = new ArrayList<>();
        for (var request : requests) {
            futures.add(request.get(30, TimeUnit.SECONDS));
        }
        gate.open();

        List<PowerAuthToken> tokens = futures.stream().map(CompletableFuture::join).toList();

        assertThat(tokens).hasSize(1000).containsOnly(tokens.get(0));
        assertThat(bed.emulator.count("/pa/v3/token/create")).isEqualTo(1);
        callers.shutdownNow();
    }

    @Test
    void oneCallerCancellingDoesNotCancelTheOthers() throws Exception {
        Testbed.Client client = bed.client();
        client.activate();
        Gate gate = new Gate();
        bed.server.beforeSignedSend(gate);
        CompletableFuture<PowerAuthToken> quitter = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession());
        CompletableFuture<PowerAuthToken> stayer = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession());
        gate.awaitArrival();

        quitter.cancel(true);
        gate.open();

        assertThat(stayer.get(30, TimeUnit.SECONDS).tokenName()).isEqualTo("t");
        assertThat(quitter.isCancelled()).isTrue();
        assertThat(client.tokens.hasLocalToken("t")).isTrue();
    }

    @Test
    void whenEveryCallerCancelsTheServerCallIsCancelledAndNothingIsStored() throws Exception {
        Testbed.Client client = bed.client();
        client.activate();
        Gate gate = new Gate();
        bed.server.beforeSignedSend(gate);
        CompletableFuture<PowerAuthToken> a = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession());
        CompletableFuture<PowerAuthToken> b = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession());
        gate.awaitArrival();

        a.cancel(true);
        b.cancel(true);

        assertThat(bed.emulator.count("/pa/v3/token/create")).as("the held request never left").isZero();
        assertThat(client.tokens.hasLocalToken("t")).isFalse();
        bed.server.beforeSignedSend(() -> { });
        PowerAuthToken fresh = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession())
                .get(30, TimeUnit.SECONDS);
        assertThat(fresh.tokenName()).isEqualTo("t");
    }

    @Test
    void anInFlightRequestWithOtherFactorsIsAMismatch() throws Exception {
        Testbed.Client client = bed.client();
        client.activate();
        Gate gate = new Gate();
        bed.server.beforeSignedSend(gate);
        CompletableFuture<PowerAuthToken> first = client.tokens.requestAccessToken("t", PowerAuthAuthentication.possession());
        gate.awaitArrival();

        Throwable failure = Testbed.failure(client.tokens.requestAccessToken("t",
                PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD)));

        assertThat(failure).isInstanceOf(TokenFactorMismatchException.class);
        gate.open();
        assertThat(first.get(30, TimeUnit.SECONDS).tokenName()).isEqualTo("t");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
