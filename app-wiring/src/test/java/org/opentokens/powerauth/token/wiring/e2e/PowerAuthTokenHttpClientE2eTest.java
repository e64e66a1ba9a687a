package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.testkit.EmulatorExchange;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.TokenNotFoundException;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.http.PowerAuthTokenHttpClient;

/** The HttpClient decorator over real HTTP: a fresh header per attempt, and one resync and retry on clock skew. */
class PowerAuthTokenHttpClientE2eTest {
    private static final String RESOURCE = "/api/resource";

    private final EmulatorBed bed = new EmulatorBed();
    private PowerAuthClient client;
    private String activationId;
    private HttpClient http;
    private HttpRequest get;

    @BeforeEach
    void activate() {
        client = bed.client();
        activationId = bed.activate(client);
        client.tokenStore().requestAccessToken("api", PowerAuthAuthentication.possession()).join();
        http = PowerAuthTokenHttpClient.wrap(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                client, "api");
        get = HttpRequest.newBuilder(bed.baseUri.resolve(RESOURCE)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private List<Integer> resourceStatuses() {
        return bed.emulator.exchanges().stream().filter(e -> e.path().equals(RESOURCE))
                .map(EmulatorExchange::status).toList();
    }

    @Test
    void theSameRequestSentAgainAndAgainIsSignedAfreshEachTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(http.send(get, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        assertThat(http.sendAsync(get, BodyHandlers.ofString()).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        assertThat(resourceStatuses()).containsExactly(200, 200, 200, 200);
    }

    @Test
    void aHeaderAlreadyOnTheRequestIsReplaced() throws Exception {
        HttpRequest stale = HttpRequest.newBuilder(get, (name, value) -> true)
                .header(PowerAuthTokenHttpClient.HEADER_NAME, "PowerAuth version=\"3.3\", stale").build();

        HttpResponse<String> response = http.send(stale, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.request().headers().allValues(PowerAuthTokenHttpClient.HEADER_NAME)).hasSize(1)
                .noneMatch(value -> value.contains("stale"));
    }

    @ParameterizedTest(name = "server clock moved by {0} minutes")
    @ValueSource(ints = {180, -60})
    void aSkewedServerClockCostsOneResyncAndOneRetry(int minutes) throws Exception {
        assertThat(http.send(get, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        bed.emulator.setClockOffset(Duration.ofMinutes(minutes));
        long statusCalls = bed.emulator.count("/pa/v3/status");

        HttpResponse<String> response = http.send(get, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(resourceStatuses()).containsExactly(200, 401, 200);
        assertThat(bed.emulator.count("/pa/v3/status")).isEqualTo(statusCalls + 1);
    }

    @Test
    void sendAsyncRecoversFromSkewTheSameWay() throws Exception {
        assertThat(http.send(get, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        bed.emulator.setClockOffset(Duration.ofHours(3));

        HttpResponse<InputStream> response = http.sendAsync(get, BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("\"tokenId\"");
        }
        assertThat(resourceStatuses()).containsExactly(200, 401, 200);
    }

    @Test
    void anotherRejectionReachesTheCallerWithItsBodyAndNoRetry() throws Exception {
        bed.emulator.blockActivation(activationId);

        HttpResponse<String> sync = http.send(get, BodyHandlers.ofString());
        HttpResponse<String> async = http.sendAsync(get, BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);

        assertThat(sync.statusCode()).isEqualTo(401);
        assertThat(sync.body()).contains("POWERAUTH_AUTH_FAIL");
        assertThat(async.body()).contains("POWERAUTH_AUTH_FAIL");
        assertThat(resourceStatuses()).containsExactly(401, 401);
    }

    @Test
    void aTimestampRejectionThatPersistsIsRetriedOnlyOnceWithAnotherHeader() throws Exception {
        List<String> headers = new CopyOnWriteArrayList<>();
        HttpServer skewed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        skewed.createContext("/", exchange -> {
            headers.add(exchange.getRequestHeaders().getFirst(PowerAuthTokenHttpClient.HEADER_NAME));
            byte[] body = "{\"status\":\"ERROR\",\"responseObject\":{\"code\":\"ERR0030\",\"message\":\"old\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        skewed.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + skewed.getAddress().getPort() + "/api");

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("ERR0030");
            assertThat(headers).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        } finally {
            skewed.stop(0);
        }
    }

    @Test
    void withoutTheTokenNothingIsSent() throws IOException {
        client.tokenStore().removeLocalToken("api");

        assertThatThrownBy(() -> http.send(get, BodyHandlers.ofString())).isInstanceOf(TokenNotFoundException.class);
        assertThat(resourceStatuses()).isEmpty();
    }
}
