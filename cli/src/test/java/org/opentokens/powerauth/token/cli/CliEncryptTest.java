package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;

/** {@code encrypt} against the emulator's encrypted echo endpoints (Wultra's server encryptor), both scopes. */
class CliEncryptTest extends CliEmulatorBase {
    @Test
    void bothScopesRoundTripThroughTheEndpoint() throws IOException {
        cli.activate();
        Path file = dir.resolve("payment.json");
        Files.writeString(file, "{\"amount\":\"12.50\"}", StandardCharsets.UTF_8);

        CliHarness.Result application = cli.run("encrypt", "--url",
                cli.baseUri.resolve(PowerAuthEmulator.ECIES_APPLICATION_PATH).toString(), "--data", "hello");
        CliHarness.Result activation = cli.run("encrypt", "--scope", "activation", "--url",
                cli.baseUri.resolve(PowerAuthEmulator.ECIES_ACTIVATION_PATH).toString(), "--data-file", file.toString());

        assertThat(application.exitCode()).as(application.err()).isZero();
        assertThat(application.line()).isEqualTo("echo:hello");
        assertThat(activation.exitCode()).as(activation.err()).isZero();
        assertThat(activation.line()).isEqualTo("echo:{\"amount\":\"12.50\"}");
    }

    @Test
    void theWrongEndpointIsAServerRejection() {
        cli.activate();

        CliHarness.Result result = cli.run("encrypt", "--scope", "activation", "--url",
                cli.baseUri.resolve(PowerAuthEmulator.ECIES_APPLICATION_PATH).toString(), "--data", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
    }

    @Test
    void aMissingDataFileIsAUsageError() {
        cli.activate();

        CliHarness.Result result = cli.run("encrypt", "--url",
                cli.baseUri.resolve(PowerAuthEmulator.ECIES_APPLICATION_PATH).toString(), "--data-file", "/no/such");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("encrypt", "--url", "http://127.0.0.1:1/").exitCode()).as("no data")
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void encryptWithoutUrlPrintsTheRequestAndDecryptOpensTheAnswerOnce() throws Exception {
        cli.activate();
        CliHarness.Result encrypted = cli.run("--json", "encrypt", "--scope", "activation", "--data", "later");
        assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode printed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(encrypted.out());
        String context = printed.get("context").asText();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        cli.baseUri.resolve(PowerAuthEmulator.ECIES_ACTIVATION_PATH))
                .header("Content-Type", "application/json")
                .header(printed.get("header").get("name").asText(), printed.get("header").get("value").asText())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(printed.get("body").asText())).build();
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        Path file = dir.resolve("answer.json");
        Files.writeString(file, answer.body(), StandardCharsets.UTF_8);

        CliHarness.Result decrypted = cli.run("decrypt", "--context", context, "--data-file", file.toString());

        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        assertThat(decrypted.line()).isEqualTo("echo:later");
        assertThat(cli.run("decrypt", "--context", context, "--data-file", file.toString()).exitCode())
                .as("a context works once").isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("decrypt", "--context", "nonsense", "--data", "{}").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aTamperedAnswerIsAServerError() throws Exception {
        cli.activate();
        CliHarness.Result encrypted = cli.run("--json", "encrypt", "--data", "x");
        String context = new com.fasterxml.jackson.databind.ObjectMapper().readTree(encrypted.out())
                .get("context").asText();

        CliHarness.Result decrypted = cli.run("decrypt", "--context", context, "--data",
                "{\"encryptedData\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"mac\":\"" + "A".repeat(43) + "=\","
                        + "\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"timestamp\":1}");

        assertThat(decrypted.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
    }
}
