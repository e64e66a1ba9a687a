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
 * The body of a first attempt: the caller's own body, or, for a 401, the raw bytes held back until the client has
 * decided whether to retry; they are then handed to the caller's handler as if they had just arrived.
 */
final class Attempt<T> {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]{1,64})\"");

    private final CompletionStage<T> body;
    private final ResponseInfo info;
    private final byte[] rejected;

    private Attempt(CompletionStage<T> body, ResponseInfo info, byte[] rejected) {
        this.body = body;
        this.info = info;
        this.rejected = rejected;
    }

    /** @return true for a 401, whose body is held back */
    boolean unauthorized() {
        return rejected != null;
    }

    /** @return the PowerAuth error code of a held-back 401 body, or empty text */
    String errorCode() {
        return rejected == null ? "" : errorCode(rejected);
    }

    static <T> BodyHandler<Attempt<T>> capturing(BodyHandler<T> handler) {
        return info -> {
            if (info.statusCode() == 401) {
                return BodySubscribers.mapping(BodySubscribers.ofByteArray(),
                        bytes -> new Attempt<T>(null, info, bytes));
            }
            return BodySubscribers.mapping(handler.apply(info),
                    value -> new Attempt<>(CompletableFuture.completedFuture(value), info, null));
        };
    }

    /** @return the response with the caller's body; a held-back 401 body goes through the caller's handler now */
    static <T> CompletableFuture<HttpResponse<T>> unwrap(HttpResponse<Attempt<T>> response, BodyHandler<T> handler) {
        Attempt<T> attempt = response.body();
        CompletionStage<T> body = attempt.unauthorized() ? attempt.replay(handler) : attempt.body;
        return body.toCompletableFuture().thenApply(value -> new ReplacedBodyResponse<>(response, value));
    }

    /** @return the PowerAuth error code of an error body, or empty text */
    static String errorCode(byte[] body) {
        Matcher matcher = CODE.matcher(new String(body, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : "";
    }

    private CompletionStage<T> replay(BodyHandler<T> handler) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Replay(subscriber, rejected));
        return subscriber.getBody();
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
