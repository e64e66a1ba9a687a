package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentokens.powerauth.token.adapter.http.internal.TestWireFactory.ok;

import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;

/** The client the adapter uses, the base path, and the caller's extra headers. */
class JavaHttpPowerAuthServerClientTest {
    private StubHttpServer stub;

    @BeforeEach
    void startStub() {
        stub = StubHttpServer.start().respond("/pa/v3/status", 200, ok("{\"serverTime\":3}"));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void buildsItsOwnClientFromTheConfig() throws NoSuchAlgorithmException {
        SSLContext tls = SSLContext.getDefault();
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(HttpServerConfig.builder()
                .baseUri(stub.baseUri()).connectTimeout(Duration.ofSeconds(3)).sslContext(tls).build());

        HttpClient client = server.httpClient();

        assertThat(client.sslContext()).isSameAs(tls);
        assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    }

    @Test
    void buildsItsOwnClientOnlyWhenTheFirstCallIsMade() {
        stub.respond("/pa/v3/status", 200, ok("{\"serverTime\":11}"));
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri(stub.baseUri()).build());

        assertThat(server.hasHttpClient()).as("no client before the first call").isFalse();
        assertThat(server.fetchServerTime()).isEqualTo(11L);
        assertThat(server.hasHttpClient()).isTrue();
        assertThat(stub.received()).extracting(ReceivedRequest::path).containsExactly("/pa/v3/status");
    }

    @Test
    void usesTheCallersClient() {
        AtomicInteger tasks = new AtomicInteger();
        HttpClient custom = HttpClient.newBuilder()
                .executor(r -> {
                    tasks.incrementAndGet();
                    Executors.defaultThreadFactory().newThread(r).start();
                })
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        stub.on("/pa/v3/status", exchange -> {
            exchange.getResponseHeaders().set("Location", "/moved/status");
            exchange.sendResponseHeaders(307, -1);
        }).respond("/moved/status", 200, ok("{\"serverTime\":9}"));
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri(stub.baseUri()).httpClient(custom).build());

        assertThat(server.fetchServerTime()).isEqualTo(9L);
        assertThat(server.httpClient()).isSameAs(custom);
        assertThat(tasks).hasPositiveValue();
        assertThat(stub.received()).extracting(ReceivedRequest::path).containsExactly("/pa/v3/status", "/moved/status");
    }

    @Test
    void afterCloseCallsFailWithClientClosedAndSendNothing() {
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri(stub.baseUri()).build());
        assertThat(server.fetchServerTime()).isEqualTo(3L);

        server.close();
        server.close();

        assertThatThrownBy(server::fetchServerTime).isInstanceOf(ClientClosedException.class);
        assertThat(server.httpClient()).as("the client is let go of").isNull();
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void closeLeavesTheCallersClientUsable() throws Exception {
        HttpClient custom = HttpClient.newHttpClient();
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri(stub.baseUri()).httpClient(custom).build());

        server.close();

        java.net.http.HttpResponse<Void> response = custom.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stub.baseUri() + "/pa/v3/status")).POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void appendsEndpointPathsToABasePathWithOrWithoutTrailingSlash() {
        stub.respond("/enrollment-server/pa/v3/status", 200, ok("{\"serverTime\":4}"));

        for (String suffix : new String[] {"/enrollment-server", "/enrollment-server/"}) {
            JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(
                    HttpServerConfig.builder().baseUri(stub.baseUri() + suffix).build());
            assertThat(server.fetchServerTime()).isEqualTo(4L);
        }
        assertThat(stub.received()).extracting(ReceivedRequest::path)
                .containsOnly("/enrollment-server/pa/v3/status").hasSize(2);
    }

    @Test
    void sendsTheExtraHeadersWithEveryRequest() {
        stub.respond("/pa/v3/token/create", 200, TestWireFactory.responseEnvelopeJson());
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(HttpServerConfig.builder()
                .baseUri(stub.baseUri()).extraHeader("X-Tenant", "acme").extraHeader("User-Agent", "test-app/1.0")
                .build());

        server.fetchServerTime();
        server.createToken(TestWireFactory.envelope33(), new RecordingSigner());

        assertThat(stub.received()).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("X-Tenant")).contains("acme");
            assertThat(r.header("User-Agent")).contains("test-app/1.0");
            assertThat(r.header("Content-Type")).contains("application/json");
        });
    }

    @Test
    void isSafeForConcurrentCalls() throws Exception {
        JavaHttpPowerAuthServer server = new JavaHttpPowerAuthServer(
                HttpServerConfig.builder().baseUri(stub.baseUri()).build());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(server::fetchServerTime));
            }
            for (Future<Long> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(3L);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stub.received()).hasSize(40);
    }
}
