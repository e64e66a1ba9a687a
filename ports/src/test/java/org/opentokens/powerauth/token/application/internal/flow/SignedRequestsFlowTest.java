package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.EmulatorRequest;
import org.opentokens.powerauth.testkit.EmulatorResponse;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;

/**
 * Signatures for the host's own endpoints, checked by the emulator's signed resource with Wultra's server-side
 * verification (the oracle), for every 3.x version: the header covers the exact body (or GET query), and each
 * signature moves the counter once, stored before the header is handed out.
 */
class SignedRequestsFlowTest {
    private static final byte[] BODY = "{\"amount\":\"100.00\",\"to\":\"CZ65 0800\"}".getBytes(StandardCharsets.UTF_8);

    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    private EmulatorResponse send(String method, String pathAndQuery, PowerAuthAuthorizationHttpHeader header,
            byte[] body) {
        return bed.emulator.handle(new EmulatorRequest(method, PowerAuthEmulator.SIGNED_RESOURCE_PREFIX + pathAndQuery,
                Map.of(header.key(), header.value(), "Content-Type", "application/json"), body));
    }

    private static String ctrBase64(HashCounter counter) {
        return Base64.getEncoder().encodeToString(counter.copyBytes(InsecureSecretAccess.get()));
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_0", "V3_1", "V3_2", "V3_3"})
    void aPostSignatureIsAcceptedForItsExactBodyAndMovesTheCounterOnce(ProtocolVersion version) {
        Testbed.Client client = bed.client("v" + version, version);
        String id = client.activate();
        HashCounter before = client.storedRecord().counter();

        PowerAuthAuthorizationHttpHeader header = client.signatures.requestSignature(
                PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD), "POST", "/api/payment", BODY).join();

        assertThat(header.key()).isEqualTo("X-PowerAuth-Authorization");
        assertThat(header.value()).contains("pa_version=\"" + version.wireValue() + "\"")
                .contains("pa_signature_type=\"possession_knowledge\"");
        assertThat(client.storedRecord().counter().sameCounterAs(before.next()))
                .as("stored before the header is returned").isTrue();
        EmulatorResponse response = send("POST", "/api/payment", header, BODY);
        assertThat(response.status()).as(Testbed.text(response.body())).isEqualTo(200);
        assertThat(Testbed.text(response.body())).contains("\"uriId\":\"/api/payment\"");
        assertThat(bed.emulator.activation(id).counter()).isEqualTo(1);
        assertThat(bed.emulator.activation(id).ctrDataBase64()).isEqualTo(ctrBase64(client.storedRecord().counter()));
    }

    @Test
    void aSignatureDoesNotCoverAnotherBodyMethodOrResource() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        PowerAuthAuthorizationHttpHeader header = client.signatures.requestSignature(
                PowerAuthAuthentication.possession(), "POST", "/api/payment", BODY).join();

        assertThat(send("POST", "/api/payment", header, "{}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(401);
        assertThat(send("PUT", "/api/payment", header, BODY).status()).isEqualTo(401);
        assertThat(send("POST", "/api/other", header, BODY).status()).isEqualTo(401);
        assertThat(send("POST", "/api/payment", header, BODY).status()).isEqualTo(200);
        assertThat(bed.emulator.activation(id).failedAttempts()).as("possession failures are not counted").isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_0", "V3_1", "V3_2", "V3_3"})
    void aGetSignatureCoversTheCanonicalizedQuery(ProtocolVersion version) {
        Testbed.Client client = bed.client("g" + version, version);
        client.activate();
        String query = "to=J%C3%BCrgen+Doe&amount=100&amount=05&flag";

        PowerAuthAuthorizationHttpHeader header = client.signatures.requestGetSignature(
                PowerAuthAuthentication.possession(), "/api/payments", query).join();

        assertThat(send("GET", "/api/payments?" + query, header, new byte[0]).status()).isEqualTo(200);
        PowerAuthAuthorizationHttpHeader other = client.signatures.requestGetSignature(
                PowerAuthAuthentication.possession(), "/api/payments", query).join();
        assertThat(send("GET", "/api/payments?amount=05&to=J%C3%BCrgen%20Doe&amount=100", other, new byte[0])
                .status()).as("the same parameters in another order and encoding").isEqualTo(200);
        PowerAuthAuthorizationHttpHeader none = client.signatures.requestGetSignature(
                PowerAuthAuthentication.possession(), "/api/payments", null).join();
        assertThat(send("GET", "/api/payments", none, new byte[0]).status()).isEqualTo(200);
    }

    @Test
    void aBrokenQueryFailsWithoutMovingTheCounter() {
        Testbed.Client client = bed.client();
        client.activate();
        HashCounter before = client.storedRecord().counter();

        assertThat(Testbed.failure(client.signatures.requestGetSignature(PowerAuthAuthentication.possession(),
                "/api/payments", "a=%zz"))).isInstanceOf(MalformedDataException.class);

        assertThat(client.storedRecord().counter().sameCounterAs(before)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_0", "V3_1", "V3_2", "V3_3"})
    void anOfflineSignatureIsDecimalAndVerifiesOnTheServer(ProtocolVersion version) {
        Testbed.Client client = bed.client("o" + version, version);
        String id = client.activate();
        String nonce = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
            14, 15, 16});
        byte[] data = "A1*A100CZK*Q2026-12-02".getBytes(StandardCharsets.UTF_8);

        String signature = client.signatures.offlineSignature(
                PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD), "/operation/authorize", data, nonce)
                .join();

        assertThat(signature).matches("[0-9]{8}-[0-9]{8}");
        assertThat(bed.emulator.verifyOfflineSignature(id, "possession_knowledge", "/operation/authorize", data,
                nonce, signature)).isTrue();
        assertThat(bed.emulator.activation(id).ctrDataBase64()).isEqualTo(ctrBase64(client.storedRecord().counter()));
        assertThat(bed.emulator.verifyOfflineSignature(id, "possession_knowledge", "/operation/authorize", data,
                nonce, signature)).as("used once").isFalse();
    }

    @Test
    void anOfflineNonceMustBeSixteenBytes() {
        Testbed.Client client = bed.client();
        client.activate();
        HashCounter before = client.storedRecord().counter();

        assertThat(Testbed.failure(client.signatures.offlineSignature(PowerAuthAuthentication.possession(), "/x",
                null, "AAEC"))).isInstanceOf(MalformedDataException.class);
        assertThat(client.storedRecord().counter().sameCounterAs(before)).isTrue();
    }

    @Test
    void biometryWithoutABiometryKeyAndNoActivationAreTypedFailures() {
        Testbed.Client client = bed.client();
        assertThat(Testbed.failure(client.signatures.requestSignature(PowerAuthAuthentication.possession(), "POST",
                "/api/payment", BODY))).isInstanceOf(MissingActivationException.class);
        client.activate();
        HashCounter before = client.storedRecord().counter();
        PowerAuthAuthentication biometry = PowerAuthAuthentication.possessionWithBiometry(new byte[16]);

        assertThat(Testbed.failure(client.signatures.requestSignature(biometry, "POST", "/api/payment", BODY)))
                .isInstanceOf(SignatureFactorMissingException.class);
        assertThat(biometry.isDestroyed()).as("the authentication is consumed").isTrue();
        assertThat(client.storedRecord().counter().sameCounterAs(before)).isTrue();
    }

    @Test
    void sendSignedSendsInsideTheSectionAndPassesFailuresOn() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        Testbed.Client peer = bed.peer(client, 99, b -> b.instanceLockTimeout(java.time.Duration.ofMillis(300)));

        int status = client.signatures.sendSigned(PowerAuthAuthentication.possession(), "POST", "/api/payment",
                BODY, null, header -> {
                    // Another client of the same storage cannot sign while this request is being sent.
                    assertThat(Testbed.failure(peer.signatures.requestSignature(PowerAuthAuthentication.possession(),
                            "POST", "/api/payment", BODY).orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)))
                            .isInstanceOf(org.opentokens.powerauth.token.domain.error.StorageBusyException.class);
                    return send("POST", "/api/payment", header, BODY).status();
                }).join();
        Throwable failed = Testbed.failure(client.signatures.sendSigned(PowerAuthAuthentication.possession(), "GET",
                "/api/list", null, "a=1", header -> {
                    throw new java.io.IOException("connection refused");
                }));

        assertThat(status).isEqualTo(200);
        assertThat(failed).isInstanceOf(java.io.IOException.class);
        assertThat(bed.emulator.activation(id).counter()).isEqualTo(1);
        assertThat(Testbed.failure(client.signatures.sendSigned(PowerAuthAuthentication.possession(), "GET",
                "/api/list", BODY, null, header -> 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
