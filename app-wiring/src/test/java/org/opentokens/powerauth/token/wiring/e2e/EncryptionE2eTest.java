package org.opentokens.powerauth.token.wiring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthEciesEncryptor;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * ECIES encryptors for the host's own payloads, over real HTTP against the emulator's encrypted echo endpoints,
 * whose server side is Wultra's 1.10.0 {@code ServerEncryptor} and header validator: for every protocol version,
 * both scopes.
 */
class EncryptionE2eTest {
    private final EmulatorBed bed = new EmulatorBed();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() {
        bed.close();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void applicationScopeRoundTripsThroughWultrasServer(ProtocolVersion version) throws Exception {
        PowerAuthClient client = bed.client("app-" + version.wireValue(), version);
        byte[] plaintext = "{\"amount\":\"100.00\",\"note\":\"čaj ☕\"}".getBytes(StandardCharsets.UTF_8);

        PowerAuthEciesEncryptor encryptor = client.encryption().eciesEncryptorForApplicationScope().join();
        assertThat(encryptor.scope()).isEqualTo(EciesScope.APPLICATION);
        PowerAuthAuthorizationHttpHeader header = encryptor.encryptionHeader();
        assertThat(header.key()).isEqualTo("X-PowerAuth-Encryption");
        EncryptionHeader parsed = EncryptionHeader.parse(header.value());
        assertThat(parsed.version()).isEqualTo(version);
        assertThat(parsed.activationId()).isNull();

        HttpResponse<byte[]> response = post(PowerAuthEmulator.ECIES_APPLICATION_PATH, header,
                encryptor.encryptRequestBody(plaintext));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(encryptor.decryptResponseBody(response.body()), StandardCharsets.UTF_8))
                .isEqualTo("echo:" + new String(plaintext, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void activationScopeRoundTripsThroughWultrasServer(ProtocolVersion version) throws Exception {
        PowerAuthClient client = bed.client("act-" + version.wireValue(), version);
        String activationId = bed.activate(client);
        long keyFetchesBefore = bed.emulator.count("/pa/v3/keystore/create");

        for (int i = 0; i < 3; i++) {
            PowerAuthEciesEncryptor encryptor = client.encryption().eciesEncryptorForActivationScope().join();
            assertThat(encryptor.scope()).isEqualTo(EciesScope.ACTIVATION);
            assertThat(EncryptionHeader.parse(encryptor.encryptionHeader().value()).activationId())
                    .isEqualTo(activationId);
            byte[] plaintext = ("payment " + i).getBytes(StandardCharsets.UTF_8);

            HttpResponse<byte[]> response = post(PowerAuthEmulator.ECIES_ACTIVATION_PATH,
                    encryptor.encryptionHeader(), encryptor.encryptRequestBody(plaintext));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(encryptor.decryptResponseBody(response.body()))
                    .isEqualTo(("echo:payment " + i).getBytes(StandardCharsets.UTF_8));
        }
        long keyFetches = bed.emulator.count("/pa/v3/keystore/create") - keyFetchesBefore;
        assertThat(keyFetches).as("3.3 fetches one activation-scope key and keeps it")
                .isEqualTo(version.usesTemporaryKeys() ? 1 : 0);
    }

    @Test
    void theServerRefusesAnActivationScopeEnvelopeAtTheApplicationEndpoint() throws Exception {
        PowerAuthClient client = bed.client();
        bed.activate(client);
        PowerAuthEciesEncryptor encryptor = client.encryption().eciesEncryptorForActivationScope().join();

        HttpResponse<byte[]> response = post(PowerAuthEmulator.ECIES_APPLICATION_PATH, encryptor.encryptionHeader(),
                encryptor.encryptRequestBody(new byte[] {1, 2, 3}));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void aTamperedResponseIsRefusedAndAnEncryptorIsSingleUse() throws Exception {
        PowerAuthClient client = bed.client();
        PowerAuthEciesEncryptor encryptor = client.encryption().eciesEncryptorForApplicationScope().join();
        byte[] body = encryptor.encryptRequestBody("x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> encryptor.encryptRequestBody(new byte[0])).isInstanceOf(IllegalStateException.class);
        HttpResponse<byte[]> response = post(PowerAuthEmulator.ECIES_APPLICATION_PATH, encryptor.encryptionHeader(),
                body);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String tampered = text.replaceFirst("\"mac\":\"(.)", "\"mac\":\"" + (text.contains("\"mac\":\"A") ? "B" : "A"));

        assertThatThrownBy(() -> encryptor.decryptResponseBody(tampered.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidServerResponseException.class);
        assertThatThrownBy(() -> encryptor.decryptResponseBody(response.body()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBodyThatIsNotAnEnvelopeIsAnInvalidResponse() {
        PowerAuthClient client = bed.client();
        PowerAuthEciesEncryptor encryptor = client.encryption().eciesEncryptorForApplicationScope().join();
        encryptor.encryptRequestBody(new byte[0]);

        assertThatThrownBy(() -> encryptor.decryptResponseBody("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidServerResponseException.class);
    }

    @Test
    void anExportedContextDecryptsTheAnswerInAnotherClientOnce() throws Exception {
        PowerAuthClient first = bed.client();
        bed.activate(first);
        PowerAuthEciesEncryptor encryptor = first.encryption().eciesEncryptorForActivationScope().join();
        byte[] body = encryptor.encryptRequestBody("handed over".getBytes(StandardCharsets.UTF_8));
        PowerAuthAuthorizationHttpHeader header = encryptor.encryptionHeader();
        org.opentokens.powerauth.token.domain.secret.SecretBytes context = encryptor.exportContext();
        HttpResponse<byte[]> response = post(PowerAuthEmulator.ECIES_ACTIVATION_PATH, header, body);
        assertThatThrownBy(() -> encryptor.decryptResponseBody(response.body()))
                .as("the exporter let go of the keys").isInstanceOf(IllegalStateException.class);

        first.close();
        PowerAuthEciesEncryptor resumed = bed.client().encryption().resumeEciesEncryptor(context);

        assertThat(resumed.scope()).isEqualTo(EciesScope.ACTIVATION);
        assertThat(resumed.encryptionHeader().value()).isEqualTo(header.value());
        assertThat(resumed.decryptResponseBody(response.body()))
                .isEqualTo("echo:handed over".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> resumed.decryptResponseBody(response.body())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> resumed.encryptRequestBody(new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void activationScopeNeedsAnActivation() {
        PowerAuthClient client = bed.client();

        assertThat(EmulatorBed.failure(client.encryption().eciesEncryptorForActivationScope()))
                .isInstanceOf(MissingActivationException.class);
    }

    private HttpResponse<byte[]> post(String path, PowerAuthAuthorizationHttpHeader header, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(bed.baseUri.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(header.key(), header.value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
