package org.opentokens.powerauth.token.adapter.http.internal.fuzz;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A {@link HttpClient} that answers in the calling thread from a function instead of a socket, so that the HTTP
 * adapter's own body handling (the capped body subscriber, the response reader, the wire JSON) runs on every fuzz
 * input at in-process speed. The body is delivered in chunks of random-ish size, as a socket would.
 */
final class InProcessHttpClient extends HttpClient {
    /** What the function answers: a status and the body bytes. */
    record Answer(int status, byte[] body) {
    }

    /** The request as the server would see it. */
    record Request(String path, Map<String, List<String>> headers, byte[] body) {
    }

    private final Function<Request, Answer> server;

    InProcessHttpClient(Function<Request, Answer> server) {
        this.server = server;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        Answer answer = server.apply(new Request(request.uri().getPath(), request.headers().map(), body(request)));
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true);
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return answer.status();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        };
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        byte[] body = answer.body();
        boolean[] cancelled = {false};
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled[0] = true;
            }
        });
        int chunk = 1 + (body.length % 7) * 512;
        for (int at = 0; at < body.length && !cancelled[0]; at += chunk) {
            subscriber.onNext(List.of(ByteBuffer.wrap(body, at, Math.min(chunk, body.length - at)).slice()));
        }
        if (!cancelled[0]) {
            subscriber.onComplete();
        }
        return subscriber.getBody().toCompletableFuture().thenApply(value -> response(request, answer, headers, value));
    }

    private static byte[] body(HttpRequest request) {
        return request.bodyPublisher().map(publisher -> {
            CompletableFuture<byte[]> out = new CompletableFuture<>();
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    byte[] chunk = new byte[item.remaining()];
                    item.get(chunk);
                    buffer.writeBytes(chunk);
                }

                @Override
                public void onError(Throwable t) {
                    out.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    out.complete(buffer.toByteArray());
                }
            });
            return out.join();
        }).orElse(new byte[0]);
    }

    private static <T> HttpResponse<T> response(HttpRequest request, Answer answer, HttpHeaders headers, T value) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return answer.status();
            }

            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public Optional<HttpResponse<T>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public T body() {
                return value;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return request.uri();
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        };
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        return sendAsync(request, handler).join();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return null;
    }

    @Override
    public SSLParameters sslParameters() {
        return new SSLParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}
