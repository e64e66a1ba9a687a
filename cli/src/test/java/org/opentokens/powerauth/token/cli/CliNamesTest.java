package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that could fake an output line or drive the terminal are refused, and nothing unusual is printed raw. */
class CliNamesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    private static void assertPrintable(String text) {
        assertThat(text.replace(System.lineSeparator(), "\n").codePoints()
                .filter(c -> c != '\n' && Printable.isUnusual(c))).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "x\r", "\u001b[2Jfake", "a\u0085b", "rev\u202Etxt", "a\u2028b", "bad\uFFFDutf8"})
    void tokenNamesThatAreNotPlainTextAreUsageErrorsPrintedEscaped(String name) {
        String activationId = cli.activate();

        CliHarness.Result request = cli.run("token", "request", name);

        assertThat(request.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(request.err()).startsWith("powerauth-token: token name must not contain").contains("U+");
        assertThat(request.err().lines().count()).isEqualTo(1);
        assertPrintable(request.err());
        assertThat(cli.emulator.tokens(activationId)).isEmpty();
        assertThat(cli.run("token", "header", name).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("token", "remove", name, "--local").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "\u001b]0;title\u0007", "x\u202E", ""})
    void instanceIdsThatAreNotPlainTextAreUsageErrorsThatCreateNothing(String instance) {
        CliHarness.Result result = cli.run(cli.activateArgs(cli.emulator.initActivation(cli.app), "--instance",
                instance));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("powerauth-token: --instance: instance id must not");
        assertPrintable(result.err());
        assertThat(dir.resolve(CliSession.DB_FILE)).doesNotExist();
    }

    @Test
    void argumentsEchoedInUsageErrorsAreEscaped() {
        CliHarness.Result result = cli.run("status", "--\u001b[31mred");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("\\u001B[31mred");
        assertPrintable(result.err());
    }

    @Test
    void plainUnicodeNamesWorkAndPrintAsThemselves() {
        cli.activate();
        String name = "účet \uD83D\uDCB0 пароль";

        assertThat(cli.run("token", "request", name).exitCode()).isZero();
        assertThat(cli.run("token", "list").out()).contains(name);
        assertThat(cli.run("token", "header", name, "--value-only").exitCode()).isZero();
    }

    @Test
    void escapingShowsEachUnusualCharacterAsItsCode() {
        assertThat(Printable.escape("a\nb\u001b[0m\u202Ec\uD800\uD83D\uDE00\uDB40\uDC01"))
                .isEqualTo("a\\u000Ab\\u001B[0m\\u202Ec\\uD800\uD83D\uDE00\\u{E0001}");
        assertThat(Printable.escapeKeepingLines("line one\nline\rtwo")).isEqualTo("line one\nline\\u000Dtwo");
        assertThat(Printable.escape("plain ünïcode 日本")).isEqualTo("plain ünïcode 日本");
    }

    @Test
    void jsonEscapesUnusualCharactersAndLosesNothing() throws Exception {
        String tricky = "a\nb\u001b[0m\u0085\u202E\u2028\uD83D\uDE00\uDB40\uDC01\"\\ é";

        String json = Json.write(java.util.Map.of("name", tricky));

        assertPrintable(json);
        assertThat(json).doesNotContain("\n");
        assertThat(MAPPER.readTree(json).get("name").asText()).isEqualTo(tricky);
    }
}
