package org.opentokens.powerauth.token.wiring.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code token list}: the stored tokens of the instance. */
@Command(mixinStandardHelpOptions = true, name = "list",
        description = "List the tokens stored for the instance's activation.")
final class TokenListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        try (CliSession session = CliSession.open(root)) {
            PowerAuthTokenStore tokens = session.client().tokenStore();
            List<Map<String, Object>> json = new ArrayList<>();
            StringBuilder human = new StringBuilder();
            for (String name : new TreeSet<>(tokens.localTokenNames())) {
                tokens.getLocalToken(name).ifPresent(token -> {
                    json.add(TokenRequestCommand.describe(token));
                    human.append(line(token));
                });
            }
            String text = human.length() == 0 ? "No tokens." : human.substring(0, human.length() - 1);
            root.output().print(text, Map.of("tokens", json));
            return ExitCodes.OK;
        }
    }

    private static String line(PowerAuthToken token) {
        return String.format("%-24s %-22s %s%n", token.tokenName(), token.signatureType().wireValue(),
                token.tokenIdentifier().value()).replace(System.lineSeparator(), "\n");
    }
}
