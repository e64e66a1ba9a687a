package org.opentokens.powerauth.token.adapter.http.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;

/**
 * Sends one JSON {@code POST} and collects the answer under the size cap and the whole-call deadline; maps every
 * way of getting no answer to {@link ServerUnreachableException}. Logs method, path, status and duration at
 * {@code DEBUG}, nothing else.
 */
final class HttpTransport {
    private static final Logger LOG = System.getLogger(JavaHttpPowerAuthServer.class.getName());
    private static final String JSON = "application/json";

    private final HttpServerConfig config;
    private final boolean ownClient;
    private final String baseUri;
    private final Duration requestTimeout;
    private final Map<String, String> extraHeaders;
    private final HttpResponse.BodyHandler<HttpAnswer> bodyHandler;
    private volatile HttpClient client;
    private volatile boolean closed;

    HttpTransport(HttpServerConfig config) {
        this.config = config;
        this.ownClient = config.httpClient().isEmpty();
        this.client = config.httpClient().orElse(null);
        this.baseUri = config.baseUri().toString();
        this.requestTimeout = config.requestTimeout();
        this.extraHeaders = config.extraHeaders();
        this.bodyHandler = CappedBodySubscriber.handler(config.maxResponseBytes());
    }

    /**
     * The caller's client, or the adapter's own, built on first use: building one sets up the JDK's TLS context
     * and the client's selector thread, which a host that never calls the server (or not yet) does not need.
     *
     * @return the client, or null once {@link #close() closed}
     */
    HttpClient client() {
        HttpClient current = client;
        if (current == null && !closed) {
            synchronized (this) {
                current = client;
                if (current == null && !closed) {
                    current = defaultClient(config);
                    client = current;
                }
            }
        }
        return current;
    }

    /** @return whether a client is in place yet (the caller's, or the adapter's own after its first call) */
    boolean hasClient() {
        return client != null;
    }

    /**
     * Lets go of the HTTP client, so that a closed PowerAuth client no longer pins it (and its selector thread).
     * An own client is shut down where the JDK can (21 and later); on 17 its threads end once it is collected.
     * A caller's client is only let go of. Idempotent.
     */
    void close() {
        HttpClient released;
        synchronized (this) {
            closed = true;
            released = client;
            client = null;
        }
        if (ownClient && released != null) {
            shutDown(released);
        }
    }

    private static void shutDown(HttpClient released) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(released);
        } catch (NoSuchMethodException e) {
            // Java 17: no shutdown API; the client's threads end once it is garbage collected.
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "could not shut the HTTP client down: " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param endpoint where to send
     * @param body the exact body bytes
     * @param headerName a PowerAuth header to add, or null
     * @param headerValue its value, or null
     * @return the answer, whatever its status
     * @throws ServerUnreachableException if no answer arrived
     * @throws ClientClosedException after {@link #close()}
     */
    HttpAnswer post(Endpoint endpoint, byte[] body, String headerName, String headerValue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + endpoint.path()))
                .timeout(requestTimeout)
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        extraHeaders.forEach(request::header);
        if (headerName != null) {
            request.header(headerName, headerValue);
        }
        HttpClient http = client();
        if (http == null) {
            throw new ClientClosedException(new RejectedExecutionException("the HTTP transport is closed"));
        }
        long start = System.nanoTime();
        if (Thread.currentThread().isInterrupted()) {
            throw unreachable(endpoint, start, "interrupted before sending", new InterruptedException());
        }
        CompletableFuture<HttpResponse<HttpAnswer>> call = http.sendAsync(request.build(), bodyHandler);
        try {
            HttpAnswer answer = call.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS).body();
            LOG.log(Level.DEBUG, () -> endpoint.describe() + " -> " + answer.status() + " in " + millis(start) + " ms");
            return answer;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable(endpoint, start, "interrupted while waiting for the answer", e);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw unreachable(endpoint, start, "no complete answer within " + humane(requestTimeout), e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof Error error) {
                throw error;
            }
            throw unreachable(endpoint, start, describe(cause), cause);
        }
    }

    private static HttpClient defaultClient(HttpServerConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        config.sslContext().ifPresent(builder::sslContext);
        return builder.build();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private String describe(Throwable cause) {
        boolean tls = baseUri.regionMatches(true, 0, "https:", 0, 6);
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect" + (ownClient ? " within " + humane(config.connectTimeout()) : " in time") + (tls
                    ? " (no TCP connection, or no TLS handshake: if the server speaks plain HTTP on this port, "
                            + "use an http:// URL)"
                    : " (are the host and the port right?)");
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + humane(requestTimeout);
        }
        if (cause instanceof ConnectException) {
            return "connection refused or failed (is the server running, and are the host and the port right?)";
        }
        if (sslFailure(cause)) {
            return "the TLS handshake failed (" + cause.getClass().getSimpleName() + "; if the server speaks plain "
                    + "HTTP on this port, use an http:// URL; if its certificate is not trusted, configure the trust "
                    + "store)";
        }
        if (cause instanceof IOException) {
            return "connection failed (" + cause.getClass().getSimpleName() + ")";
        }
        return "request failed (" + cause.getClass().getSimpleName() + ")";
    }

    private static boolean sslFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** @return a duration as people write it: {@code 30 s}, {@code 1.5 s}, {@code 250 ms}, {@code 2 min} */
    static String humane(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static ServerUnreachableException unreachable(Endpoint endpoint, long start, String what, Throwable cause) {
        LOG.log(Level.DEBUG, () -> endpoint.describe() + " failed: " + what + " after " + millis(start) + " ms");
        return new ServerUnreachableException(endpoint.describe() + ": " + what, cause);
    }

    private static long millis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
