package org.opentokens.powerauth.token.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.wiring.architecture.ArchitectureRules;

/** The house rules of app-wiring's LayeringTest, over the library and the CLI and demo together. */
class CliLayeringTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = ArchitectureRules.productionClasses();
    }

    static Stream<Arguments> rules() {
        return ArchitectureRules.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void importsTheCliTheDemoAndTheLibrary() {
        assertThat(production.stream().map(JavaClass::getPackageName))
                .contains(PowerAuthTokenCli.class.getPackageName(), "org.opentokens.powerauth.token.cli.demo")
                .anyMatch(p -> p.contains(".domain"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeFollowsRule(String name, ArchRule rule) {
        rule.check(production);
    }
}
