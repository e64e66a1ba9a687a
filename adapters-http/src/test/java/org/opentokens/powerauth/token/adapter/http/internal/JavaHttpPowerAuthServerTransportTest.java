package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ok;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;

/** The size cap while streaming, and every way of getting no answer. */
class JavaHttpPowerAuthServerTransportTest {
    private static final int CAP = 64;

    private StubHttpServer stub;

    @BeforeEach
    void startStub() {
        stub = StubHttpServer.start();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void acceptsABodyOfExactlyTheCap() {
        String body = padded(ok("{\"serverTime\":1}"), CAP);
        stub.respond("/pa/v3/status", 200, body);

        assertThat(server(CAP).fetchServerTime()).isEqualTo(1L);
    }

    @Test
    void refusesABodyOneByteOverTheCap() {
        stub.respond("/pa/v3/status", 200, padded(ok("{\"serverTime\":1}"), CAP + 1));

        assertThatThrownBy(() -> server(CAP).fetchServerTime()).isInstanceOf(InvalidServerResponseException.class)
                .hasMessageContaining("exceeds " + CAP + " bytes");
    }

    @Test
    void refusesADeclaredLengthOverTheCapWithoutReadingTheBody() {
        stub.on("/pa/v3/status", exchange -> {
            exchange.sendResponseHeaders(200, 10 * 1024 * 1024);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[CAP]);
                out.flush();
                stub.awaitRelease();
            }
        });

        assertThatThrownBy(() -> server(CAP).fetchServerTime()).isInstanceOf(InvalidServerResponseException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void stopsReadingAChunkedBodyOnceItPassesTheCap() {
        stub.on("/pa/v3/status", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"status\":\"OK\",\"pad\":\"".getBytes(StandardCharsets.US_ASCII));
                out.write("x".repeat(4 * CAP).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stub.awaitRelease();
            }
        });
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(HttpServerConfig.builder()
                .baseUri(stub.baseUri()).maxResponseBytes(CAP).requestTimeout(Duration.ofSeconds(60)).build());

        assertThatThrownBy(server::fetchServerTime).isInstanceOf(InvalidServerResponseException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void aSlowAnswerTimesOut() {
        stub.on("/pa/v3/status", exchange -> stub.awaitRelease());
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(HttpServerConfig.builder()
                .baseUri(stub.baseUri()).requestTimeout(Duration.ofMillis(300)).build());

        assertThatThrownBy(server::fetchServerTime).isInstanceOf(ServerUnreachableException.class)
                .hasMessageStartingWith("POST /pa/v3/status: ").hasMessageContaining("within 300 ms")
                .hasMessageNotContaining("PT0.3S");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertThat(HttpTransport.humane(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(HttpTransport.humane(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(HttpTransport.humane(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(HttpTransport.humane(Duration.ofMinutes(2))).isEqualTo("2 min");
    }

    @Test
    void aBodyThatNeverEndsTimesOut() {
        stub.on("/pa/v3/status", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"status\":".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stub.awaitRelease();
            }
        });
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(HttpServerConfig.builder()
                .baseUri(stub.baseUri()).requestTimeout(Duration.ofMillis(300)).build());

        assertThatThrownBy(server::fetchServerTime).isInstanceOf(ServerUnreachableException.class);
    }

    @Test
    void aConnectionClosedWithoutAnswerIsUnreachable() {
        stub.on("/pa/v3/status", exchange -> exchange.close());

        assertThatThrownBy(() -> server(CAP).fetchServerTime()).isInstanceOf(ServerUnreachableException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aRefusedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri(URI.create("http://127.0.0.1:" + port)).build());

        assertThatThrownBy(server::fetchServerTime).isInstanceOf(ServerUnreachableException.class)
                .hasMessageContaining("connection");
    }

    @Test
    void anInterruptWhileWaitingGivesUnreachableAndKeepsTheFlag() throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        stub.on("/pa/v3/status", exchange -> {
            arrived.countDown();
            stub.awaitRelease();
        });
        JavaHttpPowerAuthServer server = server(CAP);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                server.fetchServerTime();
            } catch (RuntimeException e) {
                thrown.set(e);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        });

        caller.start();
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(ServerUnreachableException.class).hasMessageContaining("interrupted")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagAfter).isTrue();
    }

    @Test
    void aCallerAlreadyInterruptedSendsNothingAndKeepsTheFlag() {
        stub.respond("/pa/v3/status", 200, ok("{\"serverTime\":1}"));
        JavaHttpPowerAuthServer server = server(CAP);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(server::fetchServerTime).isInstanceOf(ServerUnreachableException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.fetchServerTime()).isEqualTo(1L);
        assertThat(stub.received()).hasSize(1);
    }

    private JavaHttpPowerAuthServer server(int cap) {
        return new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri(stub.baseUri()).maxResponseBytes(cap).build());
    }

    /** Pads a JSON object with spaces before its closing brace to exactly {@code length} UTF-8 bytes. */
    private static String padded(String json, int length) {
        int missing = length - json.getBytes(StandardCharsets.UTF_8).length;
        assertThat(missing).isNotNegative();
        return json.substring(0, json.length() - 1) + " ".repeat(missing) + "}";
    }
}
