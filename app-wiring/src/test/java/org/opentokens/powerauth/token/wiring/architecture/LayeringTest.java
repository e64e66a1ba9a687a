package org.opentokens.powerauth.token.wiring.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every house rule holds for the production classes of every module (tests excluded). */
class LayeringTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Test fixtures that arrive as a test-jar (the ports contract suites and fakes) are tests too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.opentokens.powerauth.token");
    }

    static Stream<Arguments> rules() {
        return ArchitectureRules.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void importsTheDomainAndTheWiring() {
        assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.contains(".domain"))
                .anyMatch(p -> p.contains(".wiring"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void productionCodeFollowsRule(String name, ArchRule rule) {
        rule.check(production);
    }
}
