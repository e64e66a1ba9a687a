package org.opentokens.powerauth.token.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.cli.demo.DemoResult;
import org.opentokens.powerauth.token.cli.demo.TokenDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code demo}: the whole story against an embedded emulator; touches none of the user's data. */
@Command(mixinStandardHelpOptions = true, name = "demo",
        description = "Run the whole token story against an embedded PowerAuth emulator, with a throw-away store in a "
        + "temporary directory. Touches none of your data.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        DemoResult result;
        if (root.json) {
            result = TokenDemo.run(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("asExpected", result.asExpected());
            json.put("activationId", result.activationId());
            json.put("headerStatuses", result.headerStatuses());
            json.put("replayStatus", result.replayStatus());
            json.put("removedTokenStatus", result.removedTokenStatus());
            json.put("serverStateAfterRemoval", result.serverStateAfterRemoval().name());
            root.output().print("", json);
        } else {
            result = TokenDemo.run(root.env().out);
        }
        return result.asExpected() ? ExitCodes.OK : ExitCodes.UNEXPECTED;
    }
}
