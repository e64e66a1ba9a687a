package org.opentokens.powerauth.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP front end: the JDK's {@code HttpServer} on 127.0.0.1, passing every request to
 * {@link PowerAuthEmulator#handle(EmulatorRequest)}. A reset fault closes the connection before any status line; a
 * slow-body fault sends the headers at once and trickles the body.
 * Bodies are read up to one byte past the limit, so an oversized request still gets its 400.
 */
final class HttpFrontEnd {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int TRICKLE_PIECES = 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private HttpFrontEnd(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static HttpFrontEnd start(PowerAuthEmulator emulator, int port, int maxRequestBytes) {
        HttpServer server;
        try {
            InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            server = HttpServer.create(new InetSocketAddress(loopback, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the emulator to 127.0.0.1:" + port, e);
        }
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "powerauth-emulator-http-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(emulator, exchange, maxRequestBytes));
        server.start();
        return new HttpFrontEnd(server, executor);
    }

    URI baseUri() {
        return baseUri;
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(PowerAuthEmulator emulator, HttpExchange exchange, int maxRequestBytes)
            throws IOException {
        try (exchange) {
            byte[] body = readLimited(exchange.getRequestBody(), maxRequestBytes + 1);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            EmulatorRequest request = new EmulatorRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + query(exchange.getRequestURI()), headers, body);
            Served served;
            try {
                served = emulator.serve(request);
            } catch (EmulatorConnectionResetException e) {
                // Closing before sendResponseHeaders makes the JDK server drop the connection.
                return;
            }
            EmulatorResponse response = served.response();
            byte[] responseBody = response.body();
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
            exchange.sendResponseHeaders(response.status(), responseBody.length == 0 ? -1 : responseBody.length);
            if (responseBody.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    if (served.trickle().isZero()) {
                        out.write(responseBody);
                    } else {
                        trickle(out, responseBody, served.trickle().toMillis());
                    }
                }
            }
        }
    }

    /** Writes the body in about {@value #TRICKLE_PIECES} pieces, flushing each, spread over {@code millis}. */
    private static void trickle(OutputStream out, byte[] body, long millis) throws IOException {
        int piece = Math.max(1, (body.length + TRICKLE_PIECES - 1) / TRICKLE_PIECES);
        int pieces = (body.length + piece - 1) / piece;
        long pause = Math.max(1, millis / pieces);
        for (int offset = 0; offset < body.length; offset += piece) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("emulator stopped while trickling a body", e);
            }
            out.write(body, offset, Math.min(piece, body.length - offset));
            out.flush();
        }
    }

    private static String query(URI uri) {
        return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    }

    private static byte[] readLimited(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit);
        // Drain the rest so the connection stays usable.
        in.transferTo(OutputStream.nullOutputStream());
        return bytes;
    }
}
