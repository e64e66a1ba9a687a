package org.opentokens.powerauth.token.wiring.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpResponse;
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
 * A {@link HttpClient} that signs every request with one token: each attempt gets a fresh {@code X-PowerAuth-Token}
 * header, replacing any the request had, because the server accepts each header once.
 *
 * <pre>{@code
 * HttpClient http = PowerAuthTokenHttpClient.wrap(HttpClient.newHttpClient(), powerAuthClient, "balance");
 * HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());
 * }</pre>
 *
 * <p>A server answers every failed token check with the same 401, so on a 401 the client resynchronizes time once
 * and retries once, only if the new offset could have put the header's timestamp outside the window (or the server
 * named a timestamp error); otherwise, and when the resync fails, the 401 goes to the caller. A request that also
 * carries {@code X-PowerAuth-Authorization} is never resent. The asynchronous variants make headers on the delegate's
 * executor; the {@link PushPromiseHandler} variant never retries; WebSockets are not signed. Thread-safe if the
 * delegate is. The retry rule in detail: {@code docs/client-design.md}.
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
