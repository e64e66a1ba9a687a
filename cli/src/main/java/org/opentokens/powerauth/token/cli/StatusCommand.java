package org.opentokens.powerauth.token.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.port.in.ActivationUseCase;
import org.opentokens.powerauth.token.port.in.LocalActivationState;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status}: the instance's activation, as stored and as the server sees it (state, attempts, the counter),
 * what to do next when the server has blocked or removed it, and its tokens.
 */
@Command(mixinStandardHelpOptions = true, name = "status",
        description = {"Show the activation (locally and on the server) and the local tokens.",
            "From the server: its state, failed and remaining password attempts, whether the local signature counter "
                    + "was resynchronized or should sign something soon, and what to do next after BLOCKED or "
                    + "REMOVED."})
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--local", description = "Do not ask the server.")
    boolean local;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        try (CliSession session = CliSession.open(root)) {
            InstanceConfig config = session.requireConfig();
            PowerAuthClient client = session.client(config);
            ActivationUseCase activation = client.activation();
            if (activation.localState() != LocalActivationState.COMMITTED) {
                throw new MissingActivationException("instance '" + session.instance() + "' has no committed activation");
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("instance", session.instance());
            json.put("server", config.serverUrl());
            json.put("protocolVersion", config.protocolVersion().wireValue());
            if (config.algorithm() != null) {
                json.put("algorithm", config.algorithm().name());
            }
            json.put("activationId", activation.activationIdentifier().orElse(null));
            json.put("fingerprint", activation.activationFingerprint().orElse(null));
            json.put("localState", activation.localState().name());
            StringBuilder human = new StringBuilder()
                    .append("Instance:    ").append(session.instance()).append(System.lineSeparator())
                    .append("Server:      ").append(config.serverUrl()).append(" (protocol ")
                    .append(config.protocolVersion().wireValue())
                    .append(config.algorithm() == null ? "" : " " + config.algorithm())
                    .append(')').append(System.lineSeparator())
                    .append("Activation:  ").append(activation.activationIdentifier().orElse("-"))
                    .append(", fingerprint ").append(activation.activationFingerprint().orElse("-"))
                    .append(System.lineSeparator())
                    .append("Local state: ").append(activation.localState()).append(System.lineSeparator());
            if (!local) {
                PowerAuthActivationStatus status = activation.fetchActivationStatus().join();
                StatusReport.add(status, session.instance(), json, human);
            }
            TreeSet<String> tokens = new TreeSet<>(client.tokenStore().localTokenNames());
            json.put("tokens", tokens);
            human.append("Tokens:      ").append(tokens.isEmpty() ? "none" : String.join(", ", tokens));
            root.output().print(human.toString(), json);
            return ExitCodes.OK;
        }
    }
}
