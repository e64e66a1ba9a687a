package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.WrongPasswordException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.port.in.PasswordValidation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.http.PowerAuthSignedHttpClient;

/**
 * Signed requests, passwords and the vault over real HTTP against the emulator, with clients built by Guice as a
 * host builds them; the emulator checks every signature with Wultra's server classes.
 */
class SignedCallsE2eTest {
    private static final String PAYMENT = "/api/payment";
    private static final String NEW_PASSWORD = "e2e-new-pin-8765-Qx";

    private final EmulatorBed bed = new EmulatorBed();
    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() {
        bed.close();
    }

    private URI signed(String uriIdAndQuery) {
        return bed.baseUri.resolve(PowerAuthEmulator.SIGNED_RESOURCE_PREFIX + uriIdAndQuery);
    }

    private String storedCtr(String instance) {
        return Base64.getEncoder().encodeToString(
                bed.storedRecord(instance).counter().copyBytes(InsecureSecretAccess.get()));
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_0", "V3_1", "V3_2", "V3_3"})
    void aHeaderFromRequestSignatureIsAcceptedOverHttp(ProtocolVersion version) throws Exception {
        PowerAuthClient client = bed.client("s" + version, version);
        String id = bed.activate(client);
        byte[] body = "{\"amount\":\"12.50\"}".getBytes(StandardCharsets.UTF_8);

        PowerAuthAuthorizationHttpHeader header = client.signatures()
                .requestSignature(EmulatorBed.password(), "POST", PAYMENT, body).join();
        HttpResponse<String> response = plain.send(HttpRequest.newBuilder(signed(PAYMENT))
                .header(header.key(), header.value()).POST(BodyPublishers.ofByteArray(body)).build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(bed.emulator.activation(id).ctrDataBase64()).isEqualTo(storedCtr("s" + version));
    }

    @Test
    void theSignedHttpClientSignsTheExactBytesItSendsOncePerAttempt() throws Exception {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        AtomicInteger factorsAsked = new AtomicInteger();
        HttpClient http = PowerAuthSignedHttpClient.wrap(plain, client,
                request -> request.uri().getPath().substring(PowerAuthEmulator.SIGNED_RESOURCE_PREFIX.length()),
                () -> {
                    factorsAsked.incrementAndGet();
                    return EmulatorBed.password();
                });
        byte[] body = "{\"to\":\"Jürgen\",\"amount\":1}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(signed(PAYMENT))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                BodyHandlers.ofString());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(signed("/api/payments?to=J%C3%BCrgen&page=2"))
                .GET().build(), BodyHandlers.ofString());
        HttpResponse<String> async = http.sendAsync(HttpRequest.newBuilder(signed(PAYMENT))
                .PUT(BodyPublishers.ofString("{\"amount\":2}")).build(), BodyHandlers.ofString()).join();

        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(async.statusCode()).as(async.body()).isEqualTo(200);
        assertThat(factorsAsked).hasValue(3);
        assertThat(bed.emulator.activation(id).counter()).isEqualTo(3);
    }

    @Test
    void theSignedHttpClientNeverRetriesA401() throws Exception {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        HttpClient http = PowerAuthSignedHttpClient.wrap(plain, client, request -> PAYMENT,
                EmulatorBed::wrongPassword);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(signed(PAYMENT))
                .POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(bed.emulator.count(PowerAuthEmulator.SIGNED_RESOURCE_PREFIX + PAYMENT)).isEqualTo(1);
        assertThat(bed.emulator.activation(id).failedAttempts()).isEqualTo(1);
    }

    @Test
    void concurrentSignedRequestsReachTheServerInCounterOrder() throws Exception {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        HttpClient http = PowerAuthSignedHttpClient.wrap(plain, client, request -> PAYMENT, EmulatorBed::password);
        int requests = 24;
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();

        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < requests; i++) {
                HttpRequest request = HttpRequest.newBuilder(signed(PAYMENT))
                        .POST(BodyPublishers.ofString("{\"n\":" + i + "}")).build();
                sent.add(i % 2 == 0 ? http.sendAsync(request, BodyHandlers.ofString())
                        : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                            try {
                                return http.send(request, BodyHandlers.ofString());
                            } catch (Exception e) {
                                throw new java.util.concurrent.CompletionException(e);
                            }
                        }, callers));
            }
            for (var response : sent) {
                assertThat(response.join().statusCode()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
        assertThat(bed.emulator.activation(id).counter()).isEqualTo(requests);
    }

    @Test
    void anOfflineSignatureVerifiesOnTheServer() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);
        String nonce = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        byte[] data = "QR:payment 100 EUR".getBytes(StandardCharsets.UTF_8);

        String signature = client.signatures().offlineSignature(EmulatorBed.password(), "/operation/authorize",
                data, nonce).join();

        assertThat(bed.emulator.verifyOfflineSignature(id, "possession_knowledge", "/operation/authorize", data,
                nonce, signature)).isTrue();
    }

    @Test
    void wrongPasswordsAreCountedThenBlockedOverHttp() {
        PowerAuthClient client = bed.client();
        String id = bed.activate(client);

        PasswordValidation last = null;
        for (int i = 1; i <= 5; i++) {
            last = client.passwords().validatePassword(EmulatorBed.WRONG_PASSWORD.toCharArray()).join();
            assertThat(last.valid()).isFalse();
            assertThat(bed.emulator.activation(id).failedAttempts()).isEqualTo(i);
        }

        assertThat(last.blocked()).isTrue();
        assertThat(bed.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.BLOCKED);
    }

    @Test
    void changePasswordOverHttp() {
        PowerAuthClient client = bed.client();
        bed.activate(client);

        Throwable wrong = EmulatorBed.failure(client.passwords().changePassword(
                EmulatorBed.WRONG_PASSWORD.toCharArray(), NEW_PASSWORD.toCharArray()));
        client.passwords().changePassword(EmulatorBed.PASSWORD.toCharArray(), NEW_PASSWORD.toCharArray()).join();

        assertThat(wrong).isInstanceOf(WrongPasswordException.class);
        assertThat(client.passwords().validatePassword(NEW_PASSWORD.toCharArray()).join().valid()).isTrue();
        assertThat(client.passwords().validatePassword(EmulatorBed.PASSWORD.toCharArray()).join().valid()).isFalse();
    }

    @Test
    void theVaultOverHttpAndAWrongPasswordGetsTheHint() {
        PowerAuthClient client = bed.client();
        bed.activate(client);

        byte[] key = client.vault().fetchEncryptionKey(EmulatorBed.password(), 5).join();
        byte[] signature = client.vault().signDataWithDevicePrivateKey(EmulatorBed.password(), new byte[] {7}).join();
        Throwable wrong = EmulatorBed.failure(client.vault().fetchEncryptionKey(EmulatorBed.wrongPassword(), 5));

        assertThat(key).hasSize(16).isEqualTo(client.vault().fetchEncryptionKey(EmulatorBed.password(), 5).join());
        assertThat(signature).isNotEmpty();
        assertThat(wrong).isInstanceOf(ServerRejectedException.class);
        assertThat(((ServerRejectedException) wrong).hint()).hasValueSatisfying(hint ->
                assertThat(hint).contains("password"));
    }
}
