package org.opentokens.powerauth.token.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import org.opentokens.powerauth.token.port.internal.in.NameRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code token remove NAME}: removes a token on the server and locally, or only locally. */
@Command(mixinStandardHelpOptions = true, name = "remove",
        description = "Remove the token NAME on the server, then locally.")
final class TokenRemoveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Local name of the token.")
    String name;

    @Option(names = "--local", description = "Remove it only here; the server keeps it until the activation ends.")
    boolean local;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        NameRules.tokenName(name);
        boolean pending = false;
        try (CliSession session = CliSession.open(root)) {
            PowerAuthTokenStore tokens = session.client().tokenStore();
            if (local) {
                if (!tokens.removeLocalToken(name)) {
                    throw new TokenNotFoundException("no local token '" + name + "'");
                }
            } else {
                int owedBefore = tokens.pendingRemovalCount();
                tokens.removeAccessToken(name).join();
                pending = tokens.pendingRemovalCount() > owedBefore;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("removed", local ? "local" : pending ? "local, server pending" : "server and local");
            root.output().print("Removed token '" + name + "' " + (local ? "locally"
                    : pending ? "locally; the server could not be reached, its removal is retried by the next"
                            + " signed call" : "on the server and locally"), json);
            return ExitCodes.OK;
        }
    }
}
