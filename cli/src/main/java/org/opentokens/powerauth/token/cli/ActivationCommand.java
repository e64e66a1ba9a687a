package org.opentokens.powerauth.token.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code activation}: the activation subcommands. */
@Command(mixinStandardHelpOptions = true, name = "activation", description = "Manage the instance's activation.")
final class ActivationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: remove");
    }
}
