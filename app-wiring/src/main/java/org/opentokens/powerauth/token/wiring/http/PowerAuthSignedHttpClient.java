package org.opentokens.powerauth.token.wiring.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthSignatures;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * A {@link HttpClient} that signs every request with a PowerAuth signature ({@code X-PowerAuth-Authorization}), for
 * the host's endpoints protected by {@code @PowerAuth}: a payment, a settings change, an approval.
 *
 * <pre>{@code
 * HttpClient http = PowerAuthSignedHttpClient.wrap(HttpClient.newHttpClient(), powerAuthClient,
 *         request -> "/api/payment", () -> PowerAuthAuthentication.possessionWithPassword(pin));
 * http.send(HttpRequest.newBuilder(uri).POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
 * }</pre>
 *
 * <p>The body is read once, signed and sent as those very bytes (a GET is signed over its canonicalized query).
 * Every signature moves the activation's counter, so each {@link #send} signs once, sends once inside the
 * activation's exclusive section (which keeps requests in counter order across threads and processes) and never
 * retries: a 401 goes back to the caller. The factors are asked for once per request; signing and sending run on the
 * client's worker threads. WebSockets are not signed. Thread-safe if the delegate and the two functions are.
 */
public final class PowerAuthSignedHttpClient extends DelegatingHttpClient {
    /** The header this client sets. */
    public static final String HEADER_NAME = "X-PowerAuth-Authorization";

    private final PowerAuthSignatures signatures;
    private final Function<HttpRequest, String> uriIds;
    private final Supplier<PowerAuthAuthentication> factors;

    private PowerAuthSignedHttpClient(HttpClient delegate, PowerAuthSignatures signatures,
            Function<HttpRequest, String> uriIds, Supplier<PowerAuthAuthentication> factors) {
        super(delegate);
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.uriIds = Objects.requireNonNull(uriIds, "uriIds");
        this.factors = Objects.requireNonNull(factors, "factors");
    }

    /**
     * @param delegate the client that sends the requests
     * @param client the PowerAuth client whose activation signs
     * @param uriIds the resource id each request is signed for, as the server declares it ({@code /api/payment})
     * @param factors a fresh authentication for each request; it is consumed by the signature
     * @return the signing client
     */
    public static PowerAuthSignedHttpClient wrap(HttpClient delegate, PowerAuthClient client,
            Function<HttpRequest, String> uriIds, Supplier<PowerAuthAuthentication> factors) {
        return new PowerAuthSignedHttpClient(delegate, Objects.requireNonNull(client, "client").signatures(), uriIds,
                factors);
    }

    /**
     * @param delegate the client that sends the requests
     * @param signatures the signatures to use
     * @param uriIds the resource id of each request
     * @param factors a fresh authentication for each request
     * @return the signing client
     */
    public static PowerAuthSignedHttpClient wrap(HttpClient delegate, PowerAuthSignatures signatures,
            Function<HttpRequest, String> uriIds, Supplier<PowerAuthAuthentication> factors) {
        return new PowerAuthSignedHttpClient(delegate, signatures, uriIds, factors);
    }

    /**
     * Signs the request (one counter step) and sends it once, inside the activation's exclusive section, so
     * that signed requests reach the server in counter order from every thread and process.
     *
     * @throws org.opentokens.powerauth.token.domain.error.PowerAuthClientException if it cannot be signed (no
     *     activation, a storage failure…); nothing is sent then
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Objects.requireNonNull(handler, "handler");
        CompletableFuture<HttpResponse<T>> sent = signAndSend(request,
                signed -> delegate.send(signed, handler));
        try {
            return sent.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** Signs and sends on the PowerAuth client's worker thread; the caller's thread is not blocked. */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        Objects.requireNonNull(handler, "handler");
        return signAndSend(request, signed -> delegate.send(signed, handler));
    }

    /** Signs and sends like {@link #sendAsync(HttpRequest, BodyHandler)}; push promises go to the handler. */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
            PushPromiseHandler<T> pushPromiseHandler) {
        Objects.requireNonNull(handler, "handler");
        return signAndSend(request, signed -> delegate.sendAsync(signed, handler, pushPromiseHandler).get());
    }

    /** Sends one signed request. */
    @FunctionalInterface
    private interface Sender<R> {
        R send(HttpRequest signed) throws Exception;
    }

    private <R> CompletableFuture<R> signAndSend(HttpRequest request, Sender<R> sender) {
        Objects.requireNonNull(request, "request");
        String uriId;
        byte[] body;
        try {
            uriId = Objects.requireNonNull(uriIds.apply(request), "uriId");
            body = bodyOf(request);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        PowerAuthAuthentication authentication = Objects.requireNonNull(factors.get(), "authentication");
        boolean get = request.method().equals("GET") && body == null;
        return signatures.sendSigned(authentication, get ? "GET" : request.method(), uriId, body,
                request.uri().getRawQuery(), header -> sender.send(signed(request, body, header)));
    }

    private static HttpRequest signed(HttpRequest request, byte[] body, PowerAuthAuthorizationHttpHeader header) {
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase(HEADER_NAME))
                .method(request.method(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body))
                .header(header.key(), header.value())
                .build();
    }

    /** @return the body's bytes, read once from its publisher, or null for a request without a body */
    static byte[] bodyOf(HttpRequest request) throws IOException, InterruptedException {
        Optional<BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return null;
        }
        Collector collector = new Collector();
        publisher.get().subscribe(collector);
        try {
            return collector.bytes.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("the request body could not be read", e.getCause());
        }
    }

    /** Reads a whole body publisher into memory. */
    private static final class Collector implements Flow.Subscriber<ByteBuffer> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> bytes = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            out.write(chunk, 0, chunk.length);
        }

        @Override
        public void onError(Throwable throwable) {
            bytes.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            bytes.complete(out.toByteArray());
        }
    }

    @Override
    public String toString() {
        return "PowerAuthSignedHttpClient[" + delegate + "]";
    }
}
