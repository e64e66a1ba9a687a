package org.opentokens.powerauth.token.wiring.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that every rule bites: run against deliberate violators in {@code org.opentokens.archfixtures}, each
 * rule fails and names the class that breaks it, and does not name the compliant composition root.
 */
class RulesBiteTest {
    private static final Map<String, String> VIOLATOR_BY_RULE = new LinkedHashMap<>();

    static {
        VIOLATOR_BY_RULE.put("onion", "PortUser");
        VIOLATOR_BY_RULE.put("domainDependencies", "HttpCaller");
        VIOLATOR_BY_RULE.put("injectionOnlyInWiring", "GuiceUser");
        VIOLATOR_BY_RULE.put("jacksonOnlyInHttp", "InMemoryThingStore");
        VIOLATOR_BY_RULE.put("jdbcOnlyInSqlAdapters", "JdbcUser");
        VIOLATOR_BY_RULE.put("keyringOnlyInKeyring", "KeyringUser");
        VIOLATOR_BY_RULE.put("adaptersIndependent", "StorageReacher");
        VIOLATOR_BY_RULE.put("storageAdaptersIndependent", "InMemoryThingStore");
        VIOLATOR_BY_RULE.put("noWallClockOrAdHocRandomness", "WallClockReader");
        VIOLATOR_BY_RULE.put("noProviderRegistration", "ProviderRegistrar");
        VIOLATOR_BY_RULE.put("noByteArraysInRecords", "LeakyRecord");
        VIOLATOR_BY_RULE.put("insecureSecretAccessConfined", "SecretUnwrapper");
        VIOLATOR_BY_RULE.put("general0", "Printer");
        VIOLATOR_BY_RULE.put("general1", "GenericThrower");
        VIOLATOR_BY_RULE.put("general2", "JulLogger");
        VIOLATOR_BY_RULE.put("general3", "GuiceUser");
        VIOLATOR_BY_RULE.put("general4", "OldDateUser");
        VIOLATOR_BY_RULE.put("inboundPortNames", "FetchThing");
        VIOLATOR_BY_RULE.put("serviceNames", "ThingDoer");
        VIOLATOR_BY_RULE.put("apiExposesNoInternals", "LeakyApi");
        VIOLATOR_BY_RULE.put("examplesUseNoInternals", "InternalUser");
    }

    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages("org.opentokens.archfixtures");
    }

    static Stream<Arguments> bitingRules() {
        return ArchitectureRules.all().entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue(), VIOLATOR_BY_RULE.get(e.getKey())));
    }

    @Test
    void everyRuleHasAFixtureEntry() {
        assertThat(VIOLATOR_BY_RULE.keySet()).containsExactlyElementsOf(ArchitectureRules.all().keySet());
    }

    @ParameterizedTest(name = "{0} catches {2}")
    @MethodSource("bitingRules")
    void ruleFailsOnItsViolator(String name, ArchRule rule, String violator) {
        assertThatThrownBy(() -> rule.check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violator);
    }

    @Test
    void compositionRootIsNeverFlagged() {
        for (ArchRule rule : ArchitectureRules.all().values()) {
            try {
                rule.check(fixtures);
            } catch (AssertionError e) {
                assertThat(e.getMessage()).doesNotContain("archfixtures.wiring.Root");
            }
        }
    }
}
