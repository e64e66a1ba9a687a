package org.opentokens.powerauth.token.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code password}: the password subcommands. */
@Command(mixinStandardHelpOptions = true, name = "password",
        description = "Check the password with the server, or change it.")
final class PasswordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: validate or change");
    }
}
