package org.opentokens.powerauth.token.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.internal.in.NameRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code token request NAME}: creates a token on the server (or returns the stored one). */
@Command(mixinStandardHelpOptions = true, name = "request",
        description = {"Create a token on the server, signed with the given factors, and store it under NAME. A "
                + "stored token of that name is returned as it is.",
            "",
            "Which factors? An API endpoint accepts only tokens whose factors it lists. A bare @PowerAuthToken (or "
                + "@PowerAuth) endpoint wants two factors, so a possession token gets HTTP 401 there, the same 401 "
                + "as any other failed check; if the API answers 401 to the token's header, request a token with "
                + "--factors possession_knowledge. Use possession only for endpoints that list POSSESSION."})
final class TokenRequestCommand implements Callable<Integer> {
    /** The factors a token can be created with from the command line. */
    enum Factors {
        /** Possession only: the device key. */
        POSSESSION,
        /** Possession and knowledge: the device key and the password. */
        POSSESSION_KNOWLEDGE
    }

    @Parameters(index = "0", paramLabel = "NAME", description = "Local name of the token.")
    String name;

    @Option(names = "--factors", defaultValue = "possession", paramLabel = "FACTORS",
            description = "possession or possession_knowledge (asks for the password) (default: ${DEFAULT-VALUE}). "
                    + "Endpoints with the default @PowerAuthToken settings need possession_knowledge.")
    Factors factors;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        NameRules.tokenName(name);
        try (CliSession session = CliSession.open(root)) {
            var client = session.client();
            PowerAuthAuthentication authentication;
            if (factors == Factors.POSSESSION_KNOWLEDGE) {
                char[] password = SecretInput.password(root.env(), passwordStdin, "Password: ");
                try {
                    authentication = PowerAuthAuthentication.possessionWithPassword(password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            } else {
                authentication = PowerAuthAuthentication.possession();
            }
            PowerAuthToken token = client.tokenStore().requestAccessToken(name, authentication).join();
            root.output().print("Token '" + token.tokenName() + "' is ready: id " + token.tokenIdentifier().value()
                    + ", factors " + token.signatureType(), describe(token));
            return ExitCodes.OK;
        }
    }

    static Map<String, Object> describe(PowerAuthToken token) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", token.tokenName());
        json.put("tokenId", token.tokenIdentifier().value());
        json.put("factors", token.signatureType().wireValue());
        json.put("activationId", token.activationId());
        return json;
    }
}
