package org.opentokens.powerauth.token.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthEciesEncryptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code decrypt --context ID --data TEXT | --data-file FILE}: decrypts the answer to a request that
 * {@code encrypt} (without {@code --url}) encrypted, with the response context it kept; the context is used
 * once and removed.
 */
@Command(mixinStandardHelpOptions = true, name = "decrypt",
        description = "Decrypt the answer (the response envelope JSON) to a request 'encrypt' printed; the context ID "
        + "works once.")
final class DecryptCommand implements Callable<Integer> {
    @Option(names = "--context", required = true, paramLabel = "ID", description = "The id 'encrypt' printed.")
    String context;

    @Option(names = "--data", paramLabel = "JSON", description = "The response body.")
    String data;

    @Option(names = "--data-file", paramLabel = "FILE", description = "Read the response body from FILE.")
    Path dataFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        if (!context.matches("[0-9a-f]{12}")) {
            throw new CliException(ExitCodes.USAGE, "a context id is 12 hexadecimal digits, as 'encrypt' printed it");
        }
        byte[] body = body();
        try (CliSession session = CliSession.open(root)) {
            SecretBytes saved = session.takeEciesContext(context).orElseThrow(() -> new CliException(
                    ExitCodes.USAGE, "there is no context " + context + " (each works once)"));
            PowerAuthEciesEncryptor encryptor;
            try {
                encryptor = session.client().encryption().resumeEciesEncryptor(saved);
            } finally {
                saved.destroy();
            }
            String text = new String(encryptor.decryptResponseBody(body), StandardCharsets.UTF_8);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scope", encryptor.scope().name().toLowerCase(java.util.Locale.ROOT));
            json.put("response", text);
            root.output().print(text, json);
            return ExitCodes.OK;
        }
    }

    private byte[] body() {
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
}
