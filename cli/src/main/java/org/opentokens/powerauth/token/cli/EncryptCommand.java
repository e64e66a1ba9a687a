package org.opentokens.powerauth.token.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.port.in.EncryptionUseCase;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthEciesEncryptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code encrypt --scope application|activation [--url URL] --data TEXT | --data-file FILE}: encrypts the data
 * (ECIES, {@code /pa/generic/application} or {@code /pa/generic/activation}). With {@code --url} it posts it to
 * the host's endpoint with {@code X-PowerAuth-Encryption}, then decrypts the endpoint's answer and prints it.
 * Without, it prints the header and the envelope body and keeps the response context (the envelope keys) in the
 * encrypted store under a new id, for one {@code decrypt --context ID}.
 */
@Command(mixinStandardHelpOptions = true, name = "encrypt",
        description = "Encrypt DATA end to end; POST it to URL and print the decrypted answer, or print the header "
                + "and body and keep the context for 'decrypt'.")
final class EncryptCommand implements Callable<Integer> {
    /** The two ECIES scopes. */
    enum Scope { application, activation }

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "application",
            description = "application (no activation needed) or activation (default: ${DEFAULT-VALUE}).")
    Scope scope;

    @Option(names = "--url", paramLabel = "URL", description = "The endpoint to POST to; without it, print the "
            + "header and the encrypted body, and keep the response context for 'decrypt --context ID'.")
    URI url;

    @Option(names = "--data", paramLabel = "DATA", description = "The request plaintext.")
    String data;

    @Option(names = "--data-file", paramLabel = "FILE", description = "Read the request plaintext from FILE.")
    Path dataFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        byte[] plaintext = plaintext();
        try (CliSession session = CliSession.open(root)) {
            EncryptionUseCase encryption = session.client().encryption();
            PowerAuthEciesEncryptor encryptor = (scope == Scope.application
                    ? encryption.eciesEncryptorForApplicationScope()
                    : encryption.eciesEncryptorForActivationScope()).join();
            PowerAuthAuthorizationHttpHeader header = encryptor.encryptionHeader();
            if (url == null) {
                return printForLater(root, session, encryptor, header, encryptor.encryptRequestBody(plaintext));
            }
            HttpResponse<byte[]> response = post(root, header, encryptor.encryptRequestBody(plaintext));
            if (response.statusCode() / 100 != 2) {
                throw new ServerRejectedException(response.statusCode(), null);
            }
            byte[] answer = encryptor.decryptResponseBody(response.body());
            String text = new String(answer, StandardCharsets.UTF_8);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scope", scope.name());
            json.put("status", response.statusCode());
            json.put("response", text);
            root.output().print(text, json);
            return ExitCodes.OK;
        }
    }

    private int printForLater(PowerAuthTokenCli root, CliSession session, PowerAuthEciesEncryptor encryptor,
            PowerAuthAuthorizationHttpHeader header, byte[] body) {
        byte[] idBytes = new byte[6];
        new java.security.SecureRandom().nextBytes(idBytes);
        String id = java.util.HexFormat.of().formatHex(idBytes);
        org.opentokens.powerauth.token.domain.secret.SecretBytes context = encryptor.exportContext();
        try {
            session.saveEciesContext(id, context);
        } finally {
            context.destroy();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scope", scope.name());
        json.put("header", Map.of("name", header.key(), "value", header.value()));
        json.put("body", text);
        json.put("context", id);
        root.output().print(header.asHeaderLine() + System.lineSeparator() + text + System.lineSeparator()
                + "Context: " + id + " (decrypt the answer once with: powerauth-token decrypt --context " + id
                + " --data-file FILE)", json);
        return ExitCodes.OK;
    }

    private byte[] plaintext() {
        if ((data == null) == (dataFile == null)) {
            throw new CliException(ExitCodes.USAGE, "give exactly one of --data and --data-file");
        }
        if (data != null) {
            return data.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(dataFile);
        } catch (IOException | RuntimeException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read the data file " + dataFile);
        }
    }

    private HttpResponse<byte[]> post(PowerAuthTokenCli root, PowerAuthAuthorizationHttpHeader header, byte[] body) {
        Duration timeout = root.timeout == null ? Duration.ofSeconds(30) : root.timeout;
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(header.key(), header.value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServerUnreachableException("the endpoint did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("interrupted", e);
        }
    }
}
