package org.opentokens.powerauth.token.adapter.http.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap while it streams in. Once the body (or its declared
 * {@code Content-Length}) goes over the cap, it cancels the stream and completes with
 * {@link HttpAnswer#tooLarge(int)}, without waiting for the rest.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<HttpAnswer> {
    private static final int INITIAL_BUFFER = 8 * 1024;

    private final int status;
    private final int max;
    private final long declaredLength;
    private final CompletableFuture<HttpAnswer> result = new CompletableFuture<>();
    private ByteArrayOutputStream buffer;
    private Flow.Subscription subscription;

    private CappedBodySubscriber(int status, int max, long declaredLength) {
        this.status = status;
        this.max = max;
        this.declaredLength = declaredLength;
    }

    /**
     * @param max the largest body accepted, in bytes
     * @return a handler that gives every response such a subscriber
     */
    static HttpResponse.BodyHandler<HttpAnswer> handler(int max) {
        return info -> new CappedBodySubscriber(info.statusCode(), max,
                info.headers().firstValueAsLong("Content-Length").orElse(-1L));
    }

    @Override
    public CompletionStage<HttpAnswer> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declaredLength > max) {
            s.cancel();
            result.complete(HttpAnswer.tooLarge(status));
            return;
        }
        int initial = declaredLength >= 0 ? (int) declaredLength : Math.min(INITIAL_BUFFER, max);
        buffer = new ByteArrayOutputStream(Math.max(initial, 16));
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (n > max - buffer.size()) {
                subscription.cancel();
                buffer = null;
                result.complete(HttpAnswer.tooLarge(status));
                return;
            }
            byte[] chunk = new byte[n];
            item.get(chunk);
            buffer.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (!result.isDone()) {
            result.complete(HttpAnswer.of(status, buffer.toByteArray()));
        }
    }
}
