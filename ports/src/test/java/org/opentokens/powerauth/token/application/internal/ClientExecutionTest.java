package org.opentokens.powerauth.token.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;

class ClientExecutionTest {
    private final RejectedExecutionException refusal = new RejectedExecutionException("closed");
    private final Executor closed = task -> {
        throw refusal;
    };
    private final Executor inline = Runnable::run;
    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void aRefusedSupplyFailsTheFutureWithClientClosedAndRunsTheCleanUpOnce() {
        CompletableFuture<String> future = ClientExecution.supplyAsync(() -> "never", closed, ran::incrementAndGet);

        assertThat(ran).hasValue(1);
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(ClientClosedException.class).cause().isSameAs(refusal);
    }

    @Test
    void aRefusedRunFailsTheFutureWithClientClosedAndRunsTheCleanUpOnce() {
        CompletableFuture<Void> future = ClientExecution.runAsync(ran::incrementAndGet, closed, ran::incrementAndGet);

        assertThat(ran).hasValue(1);
        assertThat(future).isCompletedExceptionally();
        assertThatThrownBy(future::join).cause().isInstanceOf(ClientClosedException.class);
    }

    @Test
    void anAcceptedTaskRunsAndTheCleanUpDoesNot() {
        assertThat(ClientExecution.supplyAsync(() -> "done", inline, ran::incrementAndGet).join()).isEqualTo("done");
        ClientExecution.runAsync(() -> { }, inline, ran::incrementAndGet).join();
        ClientExecution.execute(ran::incrementAndGet, inline);

        assertThat(ran).hasValue(1);
    }

    @Test
    void aRefusedExecuteThrowsClientClosed() {
        assertThatThrownBy(() -> ClientExecution.execute(ran::incrementAndGet, closed))
                .isInstanceOf(ClientClosedException.class).cause().isSameAs(refusal);
        assertThat(ran).hasValue(0);
    }

    @Test
    void theVariantsWithoutCleanUpFailTheSameWay() {
        assertThatThrownBy(ClientExecution.supplyAsync(() -> "never", closed)::join).cause()
                .isInstanceOf(ClientClosedException.class);
        assertThatThrownBy(ClientExecution.runAsync(() -> { }, closed)::join).cause()
                .isInstanceOf(ClientClosedException.class);
    }
}
