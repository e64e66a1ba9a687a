package org.opentokens.powerauth.token.wiring.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.opentokens.powerauth.token.application.time.TimeSynchronizationService;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * A {@link HttpClient} that signs every request with one token: each attempt gets a fresh
 * {@code X-PowerAuth-Token} header (headers are single-use on the server, so a request sent twice, by the caller
 * or by this client's own retry, is signed twice). It replaces any {@code X-PowerAuth-Token} header the request
 * already has.
 *
 * <p>When the server answers 401 with a PowerAuth error code that says the header's timestamp is outside its
 * window ({@code ERR0030} too old, {@code ERR0044} too far ahead, {@code ERR0024} expired on server 2.x), the
 * client forgets its server time offset, synchronizes again (one {@code /pa/v3/status} call while making the next
 * header) and retries once. Any other answer, and the retry's answer, goes to the caller unchanged.
 *
 * <pre>{@code
 * HttpClient http = PowerAuthTokenHttpClient.wrap(HttpClient.newHttpClient(), powerAuthClient, "balance");
 * HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());
 * }</pre>
 *
 * <p>Works with {@link #send} and {@link #sendAsync(HttpRequest, BodyHandler)}; the asynchronous variants make
 * the header on the delegate's executor (or the common pool), as it may need the server. The variant with a
 * {@link PushPromiseHandler} signs but never retries. The JDK client may itself resend a request after a
 * connection failure; such a resend reuses the header and the server rejects it as a replay. WebSockets
 * ({@link #newWebSocketBuilder()}) are not signed. Thread-safe if the delegate is.
 */
public final class PowerAuthTokenHttpClient extends HttpClient {
    /** The header this client sets. */
    public static final String HEADER_NAME = "X-PowerAuth-Token";
    /** PowerAuth error codes that mean the header's timestamp is outside the server's window. */
    public static final Set<String> TIMESTAMP_ERROR_CODES = Set.of("ERR0030", "ERR0044", "ERR0024");

    private final HttpClient delegate;
    private final PowerAuthTokenStore tokens;
    private final TimeSynchronizationService time;
    private final String tokenName;

    private PowerAuthTokenHttpClient(HttpClient delegate, PowerAuthTokenStore tokens, TimeSynchronizationService time,
            String tokenName) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.time = Objects.requireNonNull(time, "time");
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
        return wrap(delegate, client.tokenStore(), client.timeSynchronization(), tokenName);
    }

    /**
     * @param delegate the client that sends the requests
     * @param tokens the token store that makes the headers
     * @param time the time synchronization behind that store's headers
     * @param tokenName the local name of the token
     * @return the signing client
     */
    public static PowerAuthTokenHttpClient wrap(HttpClient delegate, PowerAuthTokenStore tokens,
            TimeSynchronizationService time, String tokenName) {
        return new PowerAuthTokenHttpClient(delegate, tokens, time, tokenName);
    }

    /** @return the local name of the token this client signs with */
    public String tokenName() {
        return tokenName;
    }

    /**
     * Sends the request with a fresh header; on a 401 for a timestamp out of window, resynchronizes time and sends
     * it once more with another fresh header.
     *
     * @throws org.opentokens.powerauth.token.port.in.TokenNotFoundException if the token is not held (no request
     *     is sent), and the other failures of {@link PowerAuthTokenStore#generateHeaderForToken}
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Objects.requireNonNull(handler, "handler");
        HttpResponse<Attempt<T>> first = delegate.send(sign(request), Attempt.capturing(handler));
        if (first.body().retry()) {
            time.reset();
            return delegate.send(sign(request), handler);
        }
        try {
            return Attempt.unwrap(first).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        Objects.requireNonNull(handler, "handler");
        return CompletableFuture.supplyAsync(() -> sign(request), executorForHeaders())
                .thenCompose(signed -> delegate.sendAsync(signed, Attempt.capturing(handler)))
                .thenCompose(first -> {
                    if (!first.body().retry()) {
                        return Attempt.unwrap(first);
                    }
                    return CompletableFuture.supplyAsync(() -> {
                        time.reset();
                        return sign(request);
                    }, executorForHeaders()).thenCompose(signed -> delegate.sendAsync(signed, handler));
                });
    }

    /** Signs the request once; never retries (push promises would be delivered twice). */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
            PushPromiseHandler<T> pushPromiseHandler) {
        return CompletableFuture.supplyAsync(() -> sign(request), executorForHeaders())
                .thenCompose(signed -> delegate.sendAsync(signed, handler, pushPromiseHandler));
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
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    @Override
    public String toString() {
        return "PowerAuthTokenHttpClient[token=" + tokenName + ", " + delegate + "]";
    }
}
