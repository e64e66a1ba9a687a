package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.lib.util.SignatureUtils;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;

/** {@code sign}, {@code password validate|change} and {@code vault sign} against the emulator over HTTP. */
class CliSignedCommandsTest {
    @TempDir
    Path dir;

    private CliHarness cli;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    private int send(String method, String uriIdAndQuery, String headerValue, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(cli.baseUri.resolve(
                PowerAuthEmulator.SIGNED_RESOURCE_PREFIX + uriIdAndQuery)).timeout(Duration.ofSeconds(10))
                .header("X-PowerAuth-Authorization", headerValue)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void signPrintsAHeaderTheServerAcceptsForTheFileBody() throws Exception {
        String id = cli.activate();
        byte[] body = "{\"amount\":\"100.00\",\"to\":\"Jürgen\"}".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("payment.json"), body);

        CliHarness.Result signed = cli.run("sign", "--method", "POST", "--uri-id", "/api/payment", "--body",
                "@" + file);

        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.line()).startsWith("X-PowerAuth-Authorization: PowerAuth pa_version=\"3.3\"")
                .contains("pa_signature_type=\"possession_knowledge\"");
        String value = signed.line().substring("X-PowerAuth-Authorization: ".length());
        assertThat(send("POST", "/api/payment", value, body)).isEqualTo(200);
        assertThat(cli.emulator.activation(id).counter()).isEqualTo(1);
    }

    @Test
    void signGetOverTheQueryAndOfflineSignatures() throws Exception {
        String id = cli.activate();

        CliHarness.Result get = cli.run("sign", "--method", "GET", "--uri-id", "/api/payments", "--query",
                "page=2&size=10", "--factors", "possession", "--value-only");
        String nonce = Base64.getEncoder().encodeToString(new byte[16]);
        CliHarness.Result offline = cli.run("--json", "sign", "--uri-id", "/operation/authorize", "--body",
                "A1*100", "--offline-nonce", nonce);

        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(send("GET", "/api/payments?size=10&page=2", get.line(), null)).isEqualTo(200);
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        String signature = offline.line().replaceAll(".*\"signature\":\"([0-9-]+)\".*", "$1");
        assertThat(signature).matches("[0-9]{8}-[0-9]{8}");
        assertThat(cli.emulator.verifyOfflineSignature(id, "possession_knowledge", "/operation/authorize",
                "A1*100".getBytes(StandardCharsets.UTF_8), nonce, signature)).isTrue();
    }

    @Test
    void signWithAMissingBodyFileIsAUsageErrorThatSignsNothing() {
        String id = cli.activate();

        CliHarness.Result result = cli.run("--json", "sign", "--uri-id", "/api/payment", "--body",
                "@" + dir.resolve("missing.json"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("{\"error\":{\"exitCode\":2,\"message\":\"--body: no such file");
        assertThat(cli.emulator.activation(id).counter()).isZero();
    }

    @Test
    void passwordValidateCountsWrongPasswordsUntilBlocked() {
        String id = cli.activate();

        assertThat(cli.run("password", "validate").out()).contains("The password is right");
        cli.env.put(CliEnvironment.PASSWORD_ENV, "0000");
        CliHarness.Result wrong = cli.run("password", "validate");
        for (int i = 0; i < 3; i++) {
            cli.run("password", "validate");
        }
        CliHarness.Result last = cli.run("--json", "password", "validate");

        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(wrong.out()).contains("The server refused the password; 4 attempt(s) left");
        assertThat(last.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(last.line()).contains("\"valid\":false", "\"state\":\"BLOCKED\"", "\"remainingAttempts\":0");
        assertThat(cli.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.BLOCKED);
    }

    @Test
    void passwordChangeFromStdinThenTheNewPasswordWorks() {
        cli.activate();
        cli.env.remove(CliEnvironment.PASSWORD_ENV);

        CliHarness.Result wrong = cli.runWithStdin("0000\nnew-pin-9\n", "password", "change", "--password-stdin");
        CliHarness.Result changed = cli.runWithStdin(CliHarness.PASSWORD + "\nnew-pin-9\n", "password", "change",
                "--password-stdin");

        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
        assertThat(wrong.err()).contains("the server refused the password; 4 attempt(s) left");
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(cli.runWithStdin("new-pin-9\n", "password", "validate", "--password-stdin").exitCode()).isZero();
        assertThat(cli.runWithStdin(CliHarness.PASSWORD + "\n", "password", "validate", "--password-stdin")
                .exitCode()).isEqualTo(ExitCodes.SERVER_REJECTED);
    }

    @Test
    void vaultSignPrintsASignatureTheDevicePublicKeyVerifies() throws Exception {
        String id = cli.activate();
        byte[] data = "contract v1".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("contract.txt"), data);

        CliHarness.Result result = cli.run("vault", "sign", "--data", "@" + file);

        assertThat(result.exitCode()).as(result.err()).isZero();
        PublicKey device = new KeyConvertor().convertBytesToPublicKey(
                Base64.getDecoder().decode(cli.emulator.activation(id).devicePublicKeyBase64()));
        assertThat(new SignatureUtils().validateECDSASignature(data, Base64.getDecoder().decode(result.line()),
                device)).isTrue();
    }
}
