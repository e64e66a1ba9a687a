package org.opentokens.powerauth.token.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code vault}: operations behind a two-factor vault unlock. */
@Command(mixinStandardHelpOptions = true, name = "vault",
        description = "Use the keys that a signed, two-factor vault unlock releases.")
final class VaultCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: sign");
    }
}
