package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The command tree lives in {@link PowerAuthTokenCli#SUBCOMMANDS}: every command class is registered there once, and
 * none declares {@code @Command(subcommands = ...)}, which would make picocli build those eagerly again (and clash
 * with the registration).
 */
class CommandRegistrationTest {

    @Test
    void everyCommandIsRegisteredOnceAndNoneDeclaresSubcommandsItself() {
        List<Class<?>> commands = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PowerAuthTokenCli.class.getPackageName()).stream()
                .filter(c -> c.isAnnotatedWith(Command.class)).map(JavaClass::reflect).<Class<?>>map(c -> c).toList();
        List<Class<?>> registered = PowerAuthTokenCli.SUBCOMMANDS.values().stream().flatMap(List::stream).toList();

        Set<Class<?>> expected = new HashSet<>(commands);
        expected.remove(PowerAuthTokenCli.class);
        expected.add(CommandLine.HelpCommand.class);
        assertThat(registered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(commands).allSatisfy(c -> assertThat(c.getAnnotation(Command.class).subcommands()).as(c.getName())
                .isEmpty());
    }

    @Test
    void helpAndErrorsSeeTheWholeTreeWhileACommandNamesOnlyItsPath(@TempDir Path dir) {
        try (CliHarness cli = new CliHarness(dir)) {
            CliHarness.Result root = cli.run("--help");
            CliHarness.Result token = cli.run("token", "--help");
            CliHarness.Result helpCommand = cli.run("help", "password");
            CliHarness.Result typo = cli.run("tokn", "list");
            CliHarness.Result list = cli.run("token", "list");

            assertThat(root.exitCode()).isZero();
            for (String name : List.of("activate", "status", "token", "activation", "sign", "password", "vault",
                    "demo", "help")) {
                assertThat(root.out()).containsPattern("(?m)^  " + name + " ");
            }
            assertThat(token.out()).containsPattern("(?m)^  request ").containsPattern("(?m)^  header ")
                    .containsPattern("(?m)^  list ").containsPattern("(?m)^  remove ");
            assertThat(helpCommand.out()).containsPattern("(?m)^  validate ").containsPattern("(?m)^  change ");
            assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(typo.err()).contains("Unmatched arguments from index 4: 'tokn', 'list'");
            assertThat(list.exitCode()).as(list.err()).isZero();
        }
    }
}
