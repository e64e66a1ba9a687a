package org.opentokens.powerauth.token.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthSignatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sign}: a PowerAuth signature header for one request to the host's own API, or an offline signature. */
@Command(mixinStandardHelpOptions = true, name = "sign",
        description = {"Print an X-PowerAuth-Authorization header for one request, e.g.  curl -H \"$(powerauth-token "
                + "sign --method POST --uri-id /api/payment --body @payment.json)\" --data-binary @payment.json URL",
            "",
            "The header is good for exactly that method, resource id and body (for GET: the query), once. Each "
                + "signature moves the activation's counter, whether the request is then sent or not.",
            "With --offline-nonce, print the offline (DECIMAL) signature of the data instead."})
final class SignCommand implements Callable<Integer> {
    @Option(names = "--method", defaultValue = "POST", paramLabel = "METHOD",
            description = "HTTP method (default: ${DEFAULT-VALUE}). GET signs --query instead of a body.")
    String method;

    @Option(names = "--uri-id", required = true, paramLabel = "ID",
            description = "The endpoint's resource id, as the server declares it, e.g. /api/payment.")
    String uriId;

    @Option(names = "--body", paramLabel = "DATA", description = "The exact body: @FILE for a file's bytes, "
            + "or the text itself (UTF-8). None: an empty body.")
    String body;

    @Option(names = "--query", paramLabel = "QUERY",
            description = "For GET: the query string as sent, without '?'.")
    String query;

    @Option(names = "--offline-nonce", paramLabel = "NONCE",
            description = "Compute an offline signature with this nonce (Base64 of 16 bytes, from the offline data).")
    String offlineNonce;

    @Option(names = "--factors", defaultValue = "possession_knowledge", paramLabel = "FACTORS",
            description = "possession or possession_knowledge (asks for the password) (default: ${DEFAULT-VALUE}).")
    SignFactors factors;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Option(names = "--value-only", description = "Print only the header value.")
    boolean valueOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        String upper = method.toUpperCase(Locale.ROOT);
        boolean get = upper.equals("GET");
        if (get && body != null) {
            throw new CliException(ExitCodes.USAGE, "a GET request is signed over --query, not --body");
        }
        if (!get && query != null && offlineNonce == null) {
            throw new CliException(ExitCodes.USAGE, "--query is for GET requests; sign a body with --body");
        }
        byte[] data = CliData.read(body, "--body");
        try (CliSession session = CliSession.open(root)) {
            PowerAuthSignatures signatures = session.client().signatures();
            if (factors == SignFactors.POSSESSION_KNOWLEDGE) {
                SecretInput.checkPasswordSource(root.env(), passwordStdin);
            }
            PowerAuthAuthentication authentication = factors.authentication(root.env(), passwordStdin);
            Map<String, Object> json = new LinkedHashMap<>();
            if (offlineNonce != null) {
                String signature = signatures.offlineSignature(authentication, uriId, data, offlineNonce).join();
                json.put("uriId", uriId);
                json.put("signature", signature);
                root.output().print(signature, json);
                return ExitCodes.OK;
            }
            PowerAuthAuthorizationHttpHeader header = get
                    ? signatures.requestGetSignature(authentication, uriId, query).join()
                    : signatures.requestSignature(authentication, upper, uriId, data).join();
            json.put("name", header.key());
            json.put("value", header.value());
            root.output().print(valueOnly ? header.value() : header.asHeaderLine(), json);
            return ExitCodes.OK;
        }
    }
}
