package org.opentokens.powerauth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.wiring.architecture.ArchitectureRules;

/** The examples are host code: they compile against the API packages only, never an {@code internal} one. */
class ExamplesUseOnlyTheApiTest {
    @Test
    void examplesUseNoInternalPackage() {
        JavaClasses examples = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.opentokens.powerauth.examples");
        assertThat(examples).extracting(c -> c.getSimpleName()).contains("GuiceQuickstart");

        ArchitectureRules.all().get("examplesUseNoInternals").check(examples);
    }
}
