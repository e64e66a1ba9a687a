package org.opentokens.powerauth.token.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.port.in.PowerAuthTokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code token list}: the stored tokens of the instance. An instance without an activation has no tokens: the
 * list is empty (text and {@code --json} alike) and the exit code 0, as the README's exit-code table says.
 */
@Command(mixinStandardHelpOptions = true, name = "list",
        description = "List the tokens stored for the instance's activation. An instance without an activation "
                + "lists none (exit code 0).")
final class TokenListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        if (!CliSession.storeExists(root)) {
            root.output().print("No tokens.", Map.of("tokens", List.of()));
            return ExitCodes.OK;
        }
        try (CliSession session = CliSession.open(root)) {
            List<Map<String, Object>> json = new ArrayList<>();
            StringBuilder human = new StringBuilder();
            Optional<InstanceConfig> config = session.config();
            PowerAuthTokenStore tokens = config.isPresent() ? session.client(config.get()).tokenStore() : null;
            Set<String> names = tokens == null ? Set.of() : tokens.localTokenNames();
            for (String name : new TreeSet<>(names)) {
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
