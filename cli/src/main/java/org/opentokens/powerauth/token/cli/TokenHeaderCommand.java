package org.opentokens.powerauth.token.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.internal.in.NameRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code token header NAME}: a fresh, single-use {@code X-PowerAuth-Token} header. */
@Command(mixinStandardHelpOptions = true, name = "header",
        description = "Print a fresh, single-use X-PowerAuth-Token header for the token NAME, e.g.  curl -H "
        + "\"$(powerauth-token token header NAME)\" URL")
final class TokenHeaderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Local name of the token.")
    String name;

    @Option(names = "--value-only", description = "Print only the header value.")
    boolean valueOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        NameRules.tokenName(name);
        try (CliSession session = CliSession.open(root)) {
            PowerAuthAuthorizationHttpHeader header = session.client().tokenStore().generateHeaderForToken(name);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", header.key());
            json.put("value", header.value());
            root.output().print(valueOnly ? header.value() : header.asHeaderLine(), json);
            return ExitCodes.OK;
        }
    }
}
