package org.opentokens.powerauth.token.wiring.http;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of a first attempt: either "retry" (a 401 whose PowerAuth code says the timestamp was out of window)
 * or the caller's own body. A 401 body is read whole to find its code, then replayed into the caller's handler.
 */
final class Attempt<T> {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]{1,64})\"");

    private final CompletionStage<T> body;

    private Attempt(CompletionStage<T> body) {
        this.body = body;
    }

    boolean retry() {
        return body == null;
    }

    static <T> BodyHandler<Attempt<T>> capturing(BodyHandler<T> handler) {
        return info -> {
            if (info.statusCode() == 401) {
                return BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> rejected(handler, info, bytes));
            }
            return BodySubscribers.mapping(handler.apply(info),
                    value -> new Attempt<>(CompletableFuture.completedFuture(value)));
        };
    }

    static <T> CompletableFuture<HttpResponse<T>> unwrap(HttpResponse<Attempt<T>> response) {
        return response.body().body.toCompletableFuture()
                .thenApply(value -> new ReplacedBodyResponse<>(response, value));
    }

    /** @return the PowerAuth error code of an error body, or empty text */
    static String errorCode(byte[] body) {
        Matcher matcher = CODE.matcher(new String(body, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : "";
    }

    private static <T> Attempt<T> rejected(BodyHandler<T> handler, ResponseInfo info, byte[] bytes) {
        if (PowerAuthTokenHttpClient.TIMESTAMP_ERROR_CODES.contains(errorCode(bytes))) {
            return new Attempt<>(null);
        }
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Replay(subscriber, bytes));
        return new Attempt<>(subscriber.getBody());
    }

    /** Hands a buffered body to a subscriber: all of it at the first demand, then completion. */
    private static final class Replay implements Flow.Subscription {
        private final Flow.Subscriber<? super List<ByteBuffer>> subscriber;
        private final byte[] bytes;
        private boolean started;

        Replay(Flow.Subscriber<? super List<ByteBuffer>> subscriber, byte[] bytes) {
            this.subscriber = subscriber;
            this.bytes = bytes;
        }

        @Override
        public synchronized void request(long n) {
            if (started) {
                return;
            }
            started = true;
            if (n <= 0) {
                subscriber.onError(new IllegalArgumentException("non-positive demand"));
                return;
            }
            if (bytes.length > 0) {
                subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
            }
            subscriber.onComplete();
        }

        @Override
        public synchronized void cancel() {
            started = true;
        }
    }
}
