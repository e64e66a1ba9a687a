package org.opentokens.powerauth.token.cli;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vault sign}: signs data with the device private key, after a vault unlock with the password. */
@Command(mixinStandardHelpOptions = true, name = "sign",
        description = "Sign data with the device private key (ECDSA-SHA256, DER, printed in Base64). The key is "
                + "opened by a vault unlock signed with the password; the server checks such signatures with the "
                + "device public key it holds.")
final class VaultSignCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DATA",
            description = "The data: @FILE for a file's bytes, or the text itself (UTF-8).")
    String data;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PowerAuthTokenCli root = PowerAuthTokenCli.root(spec);
        byte[] bytes = CliData.read(data, "--data");
        try (CliSession session = CliSession.open(root)) {
            var client = session.client();
            PowerAuthAuthentication authentication = SignFactors.POSSESSION_KNOWLEDGE.authentication(root.env(),
                    passwordStdin);
            byte[] signature = client.vault().signDataWithDevicePrivateKey(authentication, bytes).join();
            String text = Base64.getEncoder().encodeToString(signature);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("signature", text);
            json.put("algorithm", "ECDSA-SHA256");
            root.output().print(text, json);
            return ExitCodes.OK;
        }
    }
}
