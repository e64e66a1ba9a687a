package org.opentokens.powerauth.token.wiring.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.opentokens.powerauth.token.application.internal.time.HostTimeSynchronizationService;
import org.opentokens.powerauth.token.application.internal.time.TimeSyncState;
import org.opentokens.powerauth.token.application.internal.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * A {@link HttpClient} that signs every request with one token: each attempt gets a fresh
 * {@code X-PowerAuth-Token} header (headers are single-use on the server, so a request sent twice, by the caller
 * or by this client's own retry, is signed twice). It replaces any {@code X-PowerAuth-Token} header the request
 * already has.
 *
 * <h2>One retry for clock skew</h2>
 * A real deployment answers every failed token check with the same 401 ({@code ERR_AUTHENTICATION}), whether
 * the header's timestamp was outside its window (60 s ahead for 3.2 and 3.3, 30 min for 3.0 and 3.1, 2 h back)
 * or the token was removed, replayed or has too few factors for the endpoint. So on a 401 the client
 * resynchronizes time once ({@code /pa/v3/status}, one call shared with concurrent requests) and retries once,
 * with a fresh header, only if the new offset differs from the one the rejected header was made with by more
 * than the new sample's precision (half its round trip): only then could the header's timestamp have been
 * outside the window. Otherwise the 401 goes to the caller, body and all. A server that names a timestamp error
 * ({@code ERR0030} too old, {@code ERR0044} too far ahead, {@code ERR0024} expired on server 2.x) settles it: time
 * is synchronized afresh and the request retried once. Never more than one retry; a request that also carries
 * a PowerAuth signature ({@code X-PowerAuth-Authorization}, which spends a counter value) is never resent and
 * costs no resync. A failed resync hands the 401 to the caller.
 *
 * <pre>{@code
 * HttpClient http = PowerAuthTokenHttpClient.wrap(HttpClient.newHttpClient(), powerAuthClient, "balance");
 * HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());
 * }</pre>
 *
 * <p>Works with {@link #send} and {@link #sendAsync(HttpRequest, BodyHandler)}; the asynchronous variants make
 * the header and resynchronize on the delegate's executor (or the common pool), as both may need the server. A
 * 401 body is read whole before it reaches the caller's handler. The variant with a {@link PushPromiseHandler}
 * signs but never retries. The JDK client may itself resend a request after a connection failure; such a resend
 * reuses the header and the server rejects it as a replay. WebSockets ({@link #newWebSocketBuilder()}) are not
 * signed. Thread-safe if the delegate is.
 */
public final class PowerAuthTokenHttpClient extends DelegatingHttpClient {
    /** The header this client sets. */
    public static final String HEADER_NAME = "X-PowerAuth-Token";
    /** A request carrying this header is signed (it spends a counter value) and is never resent. */
    public static final String SIGNATURE_HEADER_NAME = "X-PowerAuth-Authorization";
    /**
     * PowerAuth error codes that say the header's timestamp is outside the server's window. A real deployment's
     * public API hides them behind {@code ERR_AUTHENTICATION}; where a server sends them, they settle the retry.
     */
    public static final Set<String> TIMESTAMP_ERROR_CODES = Set.of("ERR0030", "ERR0044", "ERR0024");

    private final PowerAuthTokenStore tokens;
    private final SkewCheck skew;
    private final String tokenName;

    private PowerAuthTokenHttpClient(HttpClient delegate, PowerAuthTokenStore tokens, TimeSynchronizationService time,
            SkewCheck.Resync resync, String tokenName) {
        super(delegate);
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.skew = new SkewCheck(Objects.requireNonNull(time, "time"), Objects.requireNonNull(resync, "resync"));
        this.tokenName = Objects.requireNonNull(tokenName, "tokenName");
    }

    /**
     * @param delegate the client that sends the requests
     * @param client the PowerAuth client whose token store and time synchronization to use
     * @param tokenName the local name of a token the client holds (requested with
     *     {@link PowerAuthTokenStore#requestAccessToken})
     * @return the signing client
     */
    public static PowerAuthTokenHttpClient wrap(HttpClient delegate, PowerAuthClient client, String tokenName) {
        Objects.requireNonNull(client, "client");
        // The facade's port is always the library's own implementation; the skew check needs the states behind it.
        HostTimeSynchronizationService time = (HostTimeSynchronizationService) client.timeSynchronization();
        return new PowerAuthTokenHttpClient(delegate, client.tokenStore(), time.service(),
                time::resynchronizeOnCallerThread, tokenName);
    }

    /** @return the local name of the token this client signs with */
    public String tokenName() {
        return tokenName;
    }

    /**
     * Sends the request with a fresh header; on a 401 that clock skew could explain (see the class description),
     * resynchronizes time and sends it once more with another fresh header.
     *
     * @throws org.opentokens.powerauth.token.domain.error.TokenNotFoundException if the token is not held (no request
     *     is sent), and the other failures of {@link PowerAuthTokenStore#generateHeaderForToken}
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        HttpRequest signed = sign(request);
        if (isSigned(request)) {
            return delegate.send(signed, handler);
        }
        TimeSyncState used = skew.current();
        HttpResponse<Attempt<T>> first = delegate.send(signed, Attempt.capturing(handler));
        if (first.body().unauthorized() && skew.resyncShowsSkew(used, first.body().errorCode())) {
            return delegate.send(sign(request), handler);
        }
        try {
            return Attempt.unwrap(first, handler).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        Executor executor = executorForHeaders();
        if (isSigned(request)) {
            return CompletableFuture.supplyAsync(() -> sign(request), executor)
                    .thenCompose(signed -> delegate.sendAsync(signed, handler));
        }
        return CompletableFuture.supplyAsync(() -> new Signed(sign(request), skew.current()), executor)
                .thenCompose(signed -> delegate.sendAsync(signed.request(), Attempt.capturing(handler))
                        .thenCompose(first -> {
                            if (!first.body().unauthorized()) {
                                return Attempt.unwrap(first, handler);
                            }
                            return CompletableFuture.supplyAsync(
                                    () -> skew.resyncShowsSkew(signed.used(), first.body().errorCode())
                                            ? sign(request) : null, executor)
                                    .thenCompose(again -> again == null ? Attempt.unwrap(first, handler)
                                            : delegate.sendAsync(again, handler));
                        }));
    }

    /** Signs the request once; never retries (push promises would be delivered twice). */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
            PushPromiseHandler<T> pushPromiseHandler) {
        return CompletableFuture.supplyAsync(() -> sign(request), executorForHeaders())
                .thenCompose(signed -> delegate.sendAsync(signed, handler, pushPromiseHandler));
    }

    /** A signed request and the time state its header was made with. */
    private record Signed(HttpRequest request, TimeSyncState used) {
    }

    private static boolean isSigned(HttpRequest request) {
        return request.headers().firstValue(SIGNATURE_HEADER_NAME).isPresent();
    }

    private HttpRequest sign(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        PowerAuthAuthorizationHttpHeader header = tokens.generateHeaderForToken(tokenName);
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase(HEADER_NAME))
                .header(header.key(), header.value())
                .build();
    }

    private Executor executorForHeaders() {
        return delegate.executor().orElseGet(ForkJoinPool::commonPool);
    }

    @Override
    public String toString() {
        return "PowerAuthTokenHttpClient[token=" + tokenName + ", " + delegate + "]";
    }
}
