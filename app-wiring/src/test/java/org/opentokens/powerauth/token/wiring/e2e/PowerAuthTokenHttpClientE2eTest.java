package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentokens.powerauth.testkit.EmulatorAuthFailure;
import org.opentokens.powerauth.testkit.EmulatorExchange;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.http.PowerAuthTokenHttpClient;
import org.opentokens.powerauth.token.wiring.testing.SkewedClock;

/**
 * The HttpClient decorator over real HTTP against the default emulator, which answers every failed token check
 * with the same 401 as a real deployment: a fresh header per attempt; after a 401, one resync and, only when the
 * offset moved, one retry. The client's clock is movable; the token has two factors, as the default
 * {@code @PowerAuthToken} resource wants.
 */
class PowerAuthTokenHttpClientE2eTest {
    private static final String RESOURCE = PowerAuthEmulator.RESOURCE_PATH;
    private static final String STATUS = "/pa/v3/status";

    private final EmulatorBed bed = new EmulatorBed();
    private final SkewedClock clock = new SkewedClock(Duration.ZERO);
    private PowerAuthClient client;
    private HttpClient http;
    private HttpRequest get;

    @BeforeEach
    void activate() {
        Module clientClock = binder -> PowerAuthTokenModule.clockBinder(binder).setBinding().toInstance(clock);
        client = bed.client(bed.config("default", ProtocolVersion.V3_3).build(), clientClock);
        bed.activate(client);
        client.tokenStore().requestAccessToken("api", EmulatorBed.password()).join();
        http = PowerAuthTokenHttpClient.wrap(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                client, "api");
        get = HttpRequest.newBuilder(bed.baseUri.resolve(RESOURCE)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private List<EmulatorExchange> resourceExchanges() {
        return bed.emulator.exchanges().stream().filter(e -> e.path().equals(RESOURCE)).toList();
    }

    private List<Integer> resourceStatuses() {
        return resourceExchanges().stream().map(EmulatorExchange::status).toList();
    }

    /** Synchronizes with one accepted call, then moves the client's clock; @return status calls so far */
    private long syncThenSkew(Duration skew) throws Exception {
        assertThat(http.send(get, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        clock.skew(skew);
        return bed.emulator.count(STATUS);
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

    @ParameterizedTest(name = "client clock {0} s after sync: {1}")
    @CsvSource({"300, TOKEN_TIMESTAMP_IN_FUTURE", "-7300, TOKEN_TIMESTAMP_TOO_OLD"})
    void aClientClockOutsideTheWindowAfterSyncRecoversWithOneResyncAndExactlyOneRetry(long skewSeconds,
            EmulatorAuthFailure reason) throws Exception {
        long statusCalls = syncThenSkew(Duration.ofSeconds(skewSeconds));

        HttpResponse<String> response = http.send(get, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(resourceStatuses()).containsExactly(200, 401, 200);
        assertThat(resourceExchanges().get(1).reason()).isEqualTo(reason);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls + 1);
        assertThat(Duration.between(clock.instant(), client.timeSynchronization().currentServerTime()).toSeconds())
                .isBetween(-skewSeconds - 5, -skewSeconds + 5);
    }

    @Test
    void aClientClock300SecondsBehindIsStillInsideTheTwoHourWindowAndNeedsNoRetry() throws Exception {
        long statusCalls = syncThenSkew(Duration.ofSeconds(-300));

        HttpResponse<String> response = http.send(get, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(resourceStatuses()).containsExactly(200, 200);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls);
    }

    @Test
    void sendAsyncRecoversFromSkewTheSameWay() throws Exception {
        long statusCalls = syncThenSkew(Duration.ofSeconds(300));

        HttpResponse<InputStream> response = http.sendAsync(get, BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("\"tokenId\"");
        }
        assertThat(resourceStatuses()).containsExactly(200, 401, 200);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls + 1);
    }

    @Test
    void aRemovedTokensRejectionReachesTheCallerAfterOneResyncAndNoRetry() throws Exception {
        long statusCalls = syncThenSkew(Duration.ZERO);
        bed.emulator.removeToken(client.tokenStore().getLocalToken("api").orElseThrow().tokenIdentifier().value());

        HttpResponse<String> sync = http.send(get, BodyHandlers.ofString());
        HttpResponse<String> async = http.sendAsync(get, BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);

        assertThat(sync.statusCode()).isEqualTo(401);
        assertThat(sync.body()).contains("ERR_AUTHENTICATION", "POWER_AUTH_SIGNATURE_INVALID");
        assertThat(async.statusCode()).isEqualTo(401);
        assertThat(async.body()).contains("ERR_AUTHENTICATION");
        assertThat(resourceStatuses()).containsExactly(200, 401, 401);
        assertThat(resourceExchanges().subList(1, 3)).extracting(EmulatorExchange::reason)
                .containsOnly(EmulatorAuthFailure.TOKEN_UNKNOWN);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls + 2);
    }

    @Test
    void aPossessionTokenOnTheTwoFactorResourceIsRefusedWithoutRetry() throws Exception {
        client.tokenStore().requestAccessToken("weak", PowerAuthAuthentication.possession()).join();
        HttpClient weak = PowerAuthTokenHttpClient.wrap(HttpClient.newHttpClient(), client, "weak");
        long statusCalls = syncThenSkew(Duration.ZERO);

        HttpResponse<String> response = weak.send(get, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(resourceExchanges()).extracting(EmulatorExchange::reason)
                .containsExactly(null, EmulatorAuthFailure.SIGNATURE_TYPE_NOT_ALLOWED);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls + 1);
    }

    @Test
    void aSignedRequestIsNeverRetriedNorResynced() throws Exception {
        long statusCalls = syncThenSkew(Duration.ofSeconds(300));
        HttpRequest signed = HttpRequest.newBuilder(get, (name, value) -> true)
                .header(PowerAuthTokenHttpClient.SIGNATURE_HEADER_NAME, "PowerAuth pa_signature=\"12345678\"").build();

        HttpResponse<String> sync = http.send(signed, BodyHandlers.ofString());
        HttpResponse<String> async = http.sendAsync(signed, BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);

        assertThat(sync.statusCode()).isEqualTo(401);
        assertThat(async.statusCode()).isEqualTo(401);
        assertThat(resourceStatuses()).containsExactly(200, 401, 401);
        assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls);
        assertThat(http.send(get, BodyHandlers.ofString()).statusCode()).as("the same skew, unsigned").isEqualTo(200);
    }

    @Test
    void aFailedResyncHandsThe401ToTheCaller() throws Exception {
        syncThenSkew(Duration.ofSeconds(300));
        bed.emulator.faults().status(STATUS, 503, "");

        HttpResponse<String> response = http.send(get, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("ERR_AUTHENTICATION");
        assertThat(resourceStatuses()).containsExactly(200, 401);
    }

    @Test
    void aTimestampCodeFromTheServerSettlesTheRetryButOnlyOnce() throws Exception {
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
            long statusCalls = syncThenSkew(Duration.ZERO);

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("ERR0030");
            assertThat(headers).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(bed.emulator.count(STATUS)).isEqualTo(statusCalls + 1);
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
