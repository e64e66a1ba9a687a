package org.opentokens.powerauth.token.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code powerauth-token}: PowerAuth tokens from the command line. {@code activate} once, then
 * {@code token request NAME} and {@code token header NAME} for each call, e.g.
 * {@code curl -H "$(powerauth-token token header balance)" https://bank.example/api/balance}.
 *
 * <p>Everything lives in one encrypted SQLite file per user (see {@code --data-dir}, {@code --db}); its key comes
 * from the OS keychain or a passphrase. Exit codes are those of {@link ExitCodes}.
 */
@Command(name = "powerauth-token", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,

                description = "PowerAuth tokens from the command line: activate once, then print X-PowerAuth-Token headers for "
                + "curl and scripts, e.g.  curl -H \"$(powerauth-token token header balance)\" URL",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected error, or a demo step went wrong",
            "2:usage error: bad option or argument, no way to read a password or passphrase",
            "3:the server rejected the request or answered nonsense",
            "4:the server cannot be reached",
            "5:no activation for the instance (or, for activate, one exists already); token list is not an error "
                    + "then: it lists no tokens and exits 0",
            "6:no local token of that name",
            "7:the local store is locked (wrong passphrase, keychain item gone), damaged or unavailable"})
public final class PowerAuthTokenCli implements Callable<Integer> {
    /**
     * The subcommands of each command that has some, in the order help lists them: adding a command is one line in
     * its parent's list. They are registered here rather than in {@code @Command(subcommands = ...)}, which makes
     * picocli build the model of every command (reflection over all of them) before parsing anything.
     */
    static final Map<Class<?>, List<Class<?>>> SUBCOMMANDS = Map.of(
            PowerAuthTokenCli.class, List.of(ActivateCommand.class, StatusCommand.class, TokenCommand.class,
                    ActivationCommand.class, SignCommand.class, PasswordCommand.class, VaultCommand.class,
                    EncryptCommand.class, DecryptCommand.class, DemoCommand.class, CommandLine.HelpCommand.class),
            TokenCommand.class, List.of(TokenRequestCommand.class, TokenHeaderCommand.class, TokenListCommand.class,
                    TokenRemoveCommand.class),
            ActivationCommand.class, List.of(ActivationRemoveCommand.class),
            PasswordCommand.class, List.of(PasswordValidateCommand.class, PasswordChangeCommand.class),
            VaultCommand.class, List.of(VaultSignCommand.class));

    @Option(names = "--instance", scope = ScopeType.INHERIT, defaultValue = "default", paramLabel = "ID",
            description = "Instance to use; each has its own activation and tokens (default: ${DEFAULT-VALUE}).")
    String instance;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Directory of the store (default: the per-user data directory).")
    Path dataDir;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The store file itself; overrides --data-dir.")
    Path db;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print results (and errors) as JSON.")
    boolean json;

    @Option(names = "--key-source", scope = ScopeType.INHERIT, defaultValue = "auto", paramLabel = "SOURCE",
            description = "Key of the store: auto, keychain, passphrase or key (default: ${DEFAULT-VALUE}). The "
                    + "passphrase comes from --passphrase-stdin, $" + CliEnvironment.PASSPHRASE_ENV
                    + " or the terminal; key is a random 256-bit key in $" + CliEnvironment.STORE_KEY_ENV
                    + " (Base64, e.g. from openssl rand -base64 32).")
    KeySourceChoice keySource;

    @Option(names = "--passphrase-stdin", scope = ScopeType.INHERIT,
            description = "Read the store passphrase from the first line of standard input.")
    boolean passphraseStdin;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "TIME", converter = TimeoutConverter.class,
            description = "Time allowed for each server call, e.g. 10s, 500ms or 2m (default: 30s); connecting may "
                    + "take two thirds of it, at most 10s.")
    Duration timeout;

    @Spec
    CommandSpec spec;

    private final CliEnvironment env;

    PowerAuthTokenCli(CliEnvironment env) {
        this.env = env;
    }

    CliEnvironment env() {
        return env;
    }

    Output output() {
        return new Output(env.out, json);
    }

    static PowerAuthTokenCli root(CommandSpec spec) {
        return (PowerAuthTokenCli) spec.root().userObject();
    }

    /**
     * Runs the tool on the process's streams and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(CliEnvironment.system(), args));
    }

    /**
     * Runs the command line with only the subcommands its arguments name (a command runs the same with or without
     * the ones it does not name); if it asks for help or version output, or does not parse, runs it again from the
     * start with every command, so that help, usage and errors (with their suggestions) are those of the whole tool.
     */
    static int run(CliEnvironment env, String... args) {
        CommandLine named = commandLine(env, new HashSet<>(Arrays.asList(args)), args);
        if (runsWithoutHelp(named, args)) {
            return named.execute(args);
        }
        return commandLine(env, null, args).execute(args);
    }

    /** @return whether the arguments parse and ask for no help or version output at any level */
    private static boolean runsWithoutHelp(CommandLine commandLine, String... args) {
        try {
            for (ParseResult level = commandLine.parseArgs(args); level != null; level = level.subcommand()) {
                if (level.isUsageHelpRequested() || level.isVersionHelpRequested()
                        || level.commandSpec().helpCommand()) {
                    return false;
                }
            }
            return true;
        } catch (CommandLine.PicocliException e) {
            return false;
        }
    }

    /** Adds the subcommands of {@code parent} whose name or alias is in {@code names} (all if null), recursively. */
    private static void addSubcommands(CommandLine parent, Class<?> type, Set<String> names) {
        for (Class<?> subcommandType : SUBCOMMANDS.getOrDefault(type, List.of())) {
            Command command = subcommandType.getAnnotation(Command.class);
            if (names == null || names.contains(command.name())
                    || Arrays.stream(command.aliases()).anyMatch(names::contains)) {
                CommandLine subcommand = new CommandLine(subcommandType);
                addSubcommands(subcommand, subcommandType, names);
                parent.addSubcommand(command.name(), subcommand, command.aliases());
            }
        }
    }

    private static CommandLine commandLine(CliEnvironment env, Set<String> names, String... args) {
        PowerAuthTokenCli root = new PowerAuthTokenCli(env);
        CommandLine commandLine = new CommandLine(root);
        addSubcommands(commandLine, PowerAuthTokenCli.class, names);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExpandAtFiles(false); // "--body @FILE" and "--data @FILE" name data files, not argument files
        commandLine.setOut(new PrintWriter(env.out, true, Charset.defaultCharset()));
        commandLine.setErr(new PrintWriter(env.err, true, Charset.defaultCharset()));
        boolean json = jsonRequested(args);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Failures.Failure failure = Failures.classify(e);
            return report(env, json || root.json, failure.exitCode(), failure.message(), null);
        });
        commandLine.setParameterExceptionHandler((e, parsedArgs) -> report(env, json, ExitCodes.USAGE, e.getMessage(),
                "run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage"));
        return commandLine;
    }

    /**
     * Prints an error: {@code powerauth-token: MESSAGE} (and a hint) as text, or under {@code --json} one object
     * {@code {"error":{"exitCode":N,"message":"..."}}} on standard error.
     *
     * @return {@code exitCode}
     */
    private static int report(CliEnvironment env, boolean json, int exitCode, String message, String hint) {
        String text = message == null || message.isBlank() ? "failed" : message;
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("exitCode", exitCode);
            error.put("message", text);
            env.err.println(Json.write(Map.of("error", error)));
        } else {
            env.err.println("powerauth-token: " + Printable.escape(text));
            if (hint != null) {
                env.err.println(hint);
            }
        }
        env.err.flush();
        return exitCode;
    }

    /** @return true if {@code --json} is among the options, wherever the parser stops */
    private static boolean jsonRequested(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
