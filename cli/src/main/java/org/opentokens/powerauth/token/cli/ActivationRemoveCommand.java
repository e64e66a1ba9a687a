package org.opentokens.powerauth.token.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code activation remove}: removes the activation and its tokens, on the server (with the password) and here. */
@Command(mixinStandardHelpOptions = true, name = "remove",
        description = "Remove the activation on the server (signed with the password), then locally with all its "
        + "tokens and the instance's saved settings.")
final class ActivationRemoveCommand implements Callable<Integer> {
    @Option(names = "--local", description = "Remove it only here; the server is not told.")
    boolean local;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        try (CliSession session = CliSession.open(root)) {
            PowerAuthClient client = session.client();
            String activationId = client.activation().activationIdentifier().orElse(null);
            if (local) {
                client.activation().removeActivationLocal();
            } else {
                char[] password = SecretInput.password(root.env(), passwordStdin, "Password: ");
                PowerAuthAuthentication authentication;
                try {
                    authentication = PowerAuthAuthentication.possessionWithPassword(password);
                } finally {
                    Arrays.fill(password, '\0');
                }
                client.activation().removeActivation(authentication).join();
            }
            session.deleteConfig();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("instance", session.instance());
            json.put("activationId", activationId);
            json.put("removed", local ? "local" : "server and local");
            root.output().print("Removed activation " + activationId + " of instance '" + session.instance() + "' "
                    + (local ? "locally" : "on the server and locally"), json);
            return ExitCodes.OK;
        }
    }
}
