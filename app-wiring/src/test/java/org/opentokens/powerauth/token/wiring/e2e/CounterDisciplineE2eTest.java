package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.http.PowerAuthSignedHttpClient;

/**
 * Counter discipline: 50 signed calls of every kind, mixed (POST, GET and offline signatures, the signing HTTP
 * client, password validate and change, both vault operations, token create and remove), over HTTP. Afterwards
 * the server has accepted exactly 50 signatures at the first counter value it tried, and the client's stored
 * counter equals the server's, byte for byte, with nothing to resynchronize.
 */
class CounterDisciplineE2eTest {
    private static final int CALLS = 50;
    private static final String OTHER_PASSWORD = "e2e-other-pin-2468-Qx";

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_1", "V3_3"})
    void fiftyMixedSignedCallsLeaveBothCountersEqual(ProtocolVersion version) throws Exception {
        try (EmulatorBed bed = new EmulatorBed()) {
            String instance = "discipline" + version;
            PowerAuthClient client = bed.client(instance, version);
            String id = bed.activate(client);
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String[] password = {EmulatorBed.PASSWORD};
            HttpClient signing = PowerAuthSignedHttpClient.wrap(plain, client, request -> "/api/payment",
                    () -> PowerAuthAuthentication.possessionWithPassword(password[0].toCharArray()));
            Deque<String> tokens = new ArrayDeque<>();
            Map<String, Integer> kinds = new LinkedHashMap<>();

            for (int i = 0; i < CALLS; i++) {
                String kind = call(i, bed, client, plain, signing, password, tokens);
                kinds.merge(kind, 1, Integer::sum);
            }

            System.out.println("[counter discipline " + version + "] " + CALLS + " signed calls: " + kinds);
            assertThat(kinds).hasSize(10);
            assertThat(bed.emulator.activation(id).counter()).as("one server step per signature").isEqualTo(CALLS);
            assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
            assertThat(Base64.getEncoder().encodeToString(
                    bed.storedRecord(instance).counter().copyBytes(InsecureSecretAccess.get())))
                    .as("client and server counters agree").isEqualTo(bed.emulator.activation(id).ctrDataBase64());
            PowerAuthActivationStatus status = client.activation().fetchActivationStatus().join();
            assertThat(status.counterResynchronized()).isFalse();
            assertThat(status.signSoon()).isFalse();
        }
    }

    private static PowerAuthAuthentication factors(String[] password) {
        return PowerAuthAuthentication.possessionWithPassword(password[0].toCharArray());
    }

    private static String call(int i, EmulatorBed bed, PowerAuthClient client, HttpClient plain,
            HttpClient signing, String[] password, Deque<String> tokens) throws Exception {
        byte[] body = ("{\"call\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        switch (i % 10) {
            case 0 -> {
                PowerAuthAuthorizationHttpHeader header = client.signatures()
                        .requestSignature(factors(password), "POST", "/api/payment", body).join();
                expectOk(plain.send(HttpRequest.newBuilder(signed(bed, "/api/payment"))
                        .header(header.key(), header.value()).POST(BodyPublishers.ofByteArray(body)).build(),
                        BodyHandlers.ofString()));
                return "requestSignature";
            }
            case 1 -> {
                PowerAuthAuthorizationHttpHeader header = client.signatures()
                        .requestGetSignature(PowerAuthAuthentication.possession(), "/api/list", "n=" + i).join();
                expectOk(plain.send(HttpRequest.newBuilder(signed(bed, "/api/list?n=" + i))
                        .header(header.key(), header.value()).GET().build(), BodyHandlers.ofString()));
                return "requestGetSignature";
            }
            case 2 -> {
                String nonce = Base64.getEncoder().encodeToString(String.format("nonce-%010d", i)
                        .getBytes(StandardCharsets.US_ASCII));
                String signature = client.signatures().offlineSignature(factors(password), "/operation/authorize",
                        body, nonce).join();
                assertThat(bed.emulator.verifyOfflineSignature(client.activation().activationIdentifier()
                        .orElseThrow(), "possession_knowledge", "/operation/authorize", body, nonce, signature))
                        .isTrue();
                return "offlineSignature";
            }
            case 3 -> {
                expectOk(signing.send(HttpRequest.newBuilder(signed(bed, "/api/payment"))
                        .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString()));
                return "PowerAuthSignedHttpClient";
            }
            case 4 -> {
                assertThat(client.passwords().validatePassword(password[0].toCharArray()).join().valid()).isTrue();
                return "validatePassword";
            }
            case 5 -> {
                String next = password[0].equals(EmulatorBed.PASSWORD) ? OTHER_PASSWORD : EmulatorBed.PASSWORD;
                client.passwords().changePassword(password[0].toCharArray(), next.toCharArray()).join();
                password[0] = next;
                return "changePassword";
            }
            case 6 -> {
                assertThat(client.vault().fetchEncryptionKey(factors(password), i).join()).hasSize(16);
                return "fetchEncryptionKey";
            }
            case 7 -> {
                assertThat(client.vault().signDataWithDevicePrivateKey(factors(password), body).join()).isNotEmpty();
                return "signDataWithDevicePrivateKey";
            }
            case 8 -> {
                String name = "t" + i;
                client.tokenStore().requestAccessToken(name, PowerAuthAuthentication.possession()).join();
                tokens.add(name);
                return "requestAccessToken";
            }
            default -> {
                client.tokenStore().removeAccessToken(tokens.removeFirst()).join();
                return "removeAccessToken";
            }
        }
    }

    private static URI signed(EmulatorBed bed, String uriIdAndQuery) {
        return bed.baseUri.resolve(PowerAuthEmulator.SIGNED_RESOURCE_PREFIX + uriIdAndQuery);
    }

    private static void expectOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
