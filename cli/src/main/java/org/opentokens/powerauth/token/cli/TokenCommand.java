package org.opentokens.powerauth.token.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code token}: the token subcommands. */
@Command(mixinStandardHelpOptions = true, name = "token", description = "Request, use, list and remove tokens.")
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: request, header, list or remove");
    }
}
