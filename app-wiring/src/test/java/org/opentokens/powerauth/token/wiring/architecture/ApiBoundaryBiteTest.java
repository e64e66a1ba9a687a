package org.opentokens.powerauth.token.wiring.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API boundary rule catches every kind of exposure on a deliberate violator, spares a type that uses
 * internals only privately, and its list of known exposures holds only exposures that still exist.
 */
class ApiBoundaryBiteTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("org.opentokens.archfixtures");

    @Test
    void everyKindOfExposureIsReported() {
        List<String> leaks = ApiBoundaryRules.leaks(FIXTURES.get("org.opentokens.archfixtures.api.LeakyApi"));

        assertThat(leaks.stream().map(l -> l.substring(l.lastIndexOf('.', l.indexOf(' ')) + 1, l.indexOf(' '))))
                .containsExactlyInAnyOrder("<extends>", "<implements>", "field", "<init>", "returns", "takes",
                        "throwsIt", "bound", "forSubclasses");
    }

    @Test
    void privateUseOfAnInternalIsAllowed() {
        assertThat(ApiBoundaryRules.leaks(FIXTURES.get("org.opentokens.archfixtures.api.TidyApi"))).isEmpty();
        assertThatThrownBy(() -> ApiBoundaryRules.API_EXPOSES_NO_INTERNALS.check(FIXTURES))
                .hasMessageContaining("LeakyApi")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TidyApi"));
    }

    @Test
    void internalTypesAreNotApi() {
        assertThat(ApiBoundaryRules.apiType().test(FIXTURES.get("org.opentokens.archfixtures.internal.Hidden")))
                .isFalse();
        assertThat(ApiBoundaryRules.apiType().test(FIXTURES.get("org.opentokens.archfixtures.api.TidyApi")))
                .isTrue();
    }
}
