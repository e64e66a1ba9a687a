package org.opentokens.powerauth.token.adapter.http.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted PowerAuth server on the JDK's {@code HttpServer}, bound to 127.0.0.1 on an ephemeral port. Records
 * every request; answers per path with a scripted {@link Handler} (404 for unscripted paths). Handlers that must
 * hang wait on {@link #awaitRelease()}, which {@link #close()} releases.
 */
final class StubHttpServer implements AutoCloseable {

    /** Scripted behaviour for one path. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-http");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private StubHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    static StubHttpServer start() {
        try {
            return new StubHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * @param path the request path to script
     * @param handler what to do for it
     * @return this stub
     */
    StubHttpServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /**
     * Answers {@code path} with a fixed status and JSON text, sent with a {@code Content-Length}.
     *
     * @param path the request path
     * @param status the HTTP status
     * @param body the body text
     * @return this stub
     */
    StubHttpServer respond(String path, int status, String body) {
        return on(path, exchange -> send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return every request received so far, in order */
    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /** @return the one request received; fails if there were none or several */
    ReceivedRequest onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received.size());
        }
        return received.get(0);
    }

    /** Blocks a handler until the test ends. */
    void awaitRelease() throws InterruptedException {
        release.await(60, TimeUnit.SECONDS);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getRawPath();
        received.add(new ReceivedRequest(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
        Handler handler = handlers.get(path);
        try {
            if (handler == null) {
                send(exchange, 404, "text/plain", "no such path".getBytes(StandardCharsets.US_ASCII));
            } else {
                handler.handle(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client cancelled or closed the connection; nothing more to send
        } finally {
            exchange.close();
        }
    }
}
