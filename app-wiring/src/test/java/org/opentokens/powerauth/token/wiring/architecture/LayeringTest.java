package org.opentokens.powerauth.token.wiring.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
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
        production = ArchitectureRules.productionClasses();
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
