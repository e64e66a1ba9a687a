package org.opentokens.powerauth.token.wiring.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The house layering rules (house-style §2.8), written against relative package patterns so that the same
 * rule objects run against the real code ({@code LayeringTest}) and against deliberate violators
 * ({@code RulesBiteTest}).
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** 1. Onion: domain at the centre, ports and services around it, adapters outside; wiring and the CLI see all. */
    static final ArchRule ONION = onionArchitecture()
            .domainModels("..domain..")
            .applicationServices("..port..", "..application..")
            .adapter("http", "..adapter.http..")
            .adapter("storage", "..adapter.storage..")
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage("..wiring.."), alwaysTrue())
            .ignoreDependency(resideInAPackage("..token.cli.."), alwaysTrue());

    /** 2. The domain sees only the JDK basics, Bouncy Castle and itself: no java.net, java.sql, file I/O. */
    static final ArchRule DOMAIN_DEPENDENCIES = classes().that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat(resideInAPackage("..domain..")
                    .or(resideInAPackage("java.lang.."))
                    .or(resideInAPackage("java.util.."))
                    .or(resideInAPackage("java.time.."))
                    .or(resideInAPackage("java.math.."))
                    .or(resideInAPackage("java.security.."))
                    .or(resideInAPackage("java.nio"))
                    .or(resideInAPackage("java.nio.charset.."))
                    .or(resideInAPackage("javax.security.auth.."))
                    .or(resideInAPackage("org.bouncycastle.."))
                    .or(JavaClass.Predicates.belongToAnyOf(
                            IOException.class, UncheckedIOException.class, Serializable.class)))
            .because("the domain is pure values and protocol crypto on Bouncy Castle");

    /** 3. Dependency injection only in the composition root. */
    static final ArchRule INJECTION_ONLY_IN_WIRING = noClasses().that().resideOutsideOfPackages("..wiring..", "..token.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
            .because("only app-wiring knows about Guice; everything else is plain constructors");

    /** 4a. Jackson only in the HTTP adapter. */
    static final ArchRule JACKSON_ONLY_IN_HTTP = noClasses().that().resideOutsideOfPackage("..adapter.http..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("JSON shapes belong to the HTTP adapter");

    /** 4b. JDBI and JDBC only in the SQLite and PostgreSQL adapters and the SQL adapters' shared JDBI settings. */
    static final ArchRule JDBC_ONLY_IN_SQL_ADAPTERS = noClasses()
            .that().resideOutsideOfPackages("..adapter.storage.sqlite..", "..adapter.storage.postgres..",
                    "..adapter.storage.internal.sql..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "org.sqlite..", "org.postgresql..")
            .because("SQL belongs to the SQL adapters");

    /** 4c. Keychain libraries only in the keyring adapter. */
    static final ArchRule KEYRING_ONLY_IN_KEYRING = noClasses()
            .that().resideOutsideOfPackages("..adapter.storage.keyring..", "..adapter.storage.internal.keyring..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.javakeyring..", "com.sun.jna..")
            .because("OS keychain access belongs to the keyring adapter");

    /** 5a. Adapters never depend on each other. */
    static final ArchRule ADAPTERS_INDEPENDENT = SlicesRuleDefinition.slices().matching("..adapter.(*)..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true);

    /** 5b. Storage adapters never depend on each other; they may share the storage adapters' internals. */
    static final ArchRule STORAGE_ADAPTERS_INDEPENDENT = SlicesRuleDefinition.slices().matching("..adapter.storage.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage("..adapter.storage.internal.."))
            .allowEmptyShould(true);

    /** 6a. No wall clock and no ad-hoc randomness outside the wiring: time and randomness are injected. */
    static final ArchRule NO_WALL_CLOCK_OR_AD_HOC_RANDOMNESS = noClasses().that().resideOutsideOfPackages("..wiring..", "..token.cli..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callConstructor(SecureRandom.class)
            .orShould().callMethod(SecureRandom.class, "getInstanceStrong")
            .because("time and randomness are parameters or injected ports, so tests control them");

    /** 6b. No global JCA provider registration anywhere. */
    static final ArchRule NO_PROVIDER_REGISTRATION = noClasses()
            .should().callMethod(Security.class, "addProvider", Provider.class)
            .orShould().callMethod(Security.class, "insertProviderAt", Provider.class, int.class)
            .because("a library must not change the host's JCA provider list");

    /** 7. Records never hold byte arrays (their equals/toString would compare by identity or print secrets). */
    static final ArchRule NO_BYTE_ARRAYS_IN_RECORDS = fields().that().areDeclaredInClassesThat(isRecord())
            .should().notHaveRawType(byte[].class)
            .allowEmptyShould(true)
            .because("secrets are final classes with redacted toString, never record components");

    /**
     * 8. Raw secret bytes leave their wrappers only in the domain, the storage adapters and the CLI (which reads
     * back the server settings it saved in the encrypted store).
     */
    static final ArchRule INSECURE_SECRET_ACCESS_CONFINED = noClasses()
            .that().resideOutsideOfPackages("..domain..", "..adapter.storage..", "..token.cli..")
            .should().callMethod("org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess", "get")
            .because("every place that unwraps a secret is a review hot spot");

    /** 9. General coding rules; the CLI and demo in the wiring may print. */
    static final List<ArchRule> GENERAL = List.of(
            noClasses().that().resideOutsideOfPackages("..token.cli..")
                    .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS),
            GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS,
            GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING,
            GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION,
            GeneralCodingRules.OLD_DATE_AND_TIME_CLASSES_SHOULD_NOT_BE_USED);

    /**
     * 10a. Inbound ports are use cases, the SDK-named facades (PowerAuthTokenStore and friends), or the host's view
     * of server time ({@code TimeSynchronization}, the name issue 17 gives it).
     */
    static final ArchRule INBOUND_PORT_NAMES = classes().that().resideInAPackage("..port.in..").and().areInterfaces()
            .and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleNameStartingWith("PowerAuth")
            .orShould().haveSimpleName("TimeSynchronization")
            .allowEmptyShould(true);

    /**
     * 10b. Implementations of inbound ports are services; the per-request encryptor the encryption service hands
     * out ({@code PowerAuthEciesEncryptor}) is a value, not a port.
     */
    static final ArchRule SERVICE_NAMES = classes().that().resideInAPackage("..application..")
            .and().implement(resideInAPackage("..port.in..").and(JavaClass.Predicates.INTERFACES)
                    .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("PowerAuthEciesEncryptor"))))
            .should().haveSimpleNameEndingWith("Service")
            .allowEmptyShould(true);

    /** Every rule, by name, for the parameterised bite test. */
    /**
     * Imports the production classes of every module on the test class path: tests excluded, and fixtures that
     * arrive as a test-jar (the ports contract suites and fakes) counted as tests too.
     *
     * @return the classes the rules check
     */
    public static JavaClasses productionClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.opentokens.powerauth.token");
    }

    /** @return every rule by name, for a layering test in any module that sees the production classes */
    public static Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("onion", ONION);
        rules.put("domainDependencies", DOMAIN_DEPENDENCIES);
        rules.put("injectionOnlyInWiring", INJECTION_ONLY_IN_WIRING);
        rules.put("jacksonOnlyInHttp", JACKSON_ONLY_IN_HTTP);
        rules.put("jdbcOnlyInSqlAdapters", JDBC_ONLY_IN_SQL_ADAPTERS);
        rules.put("keyringOnlyInKeyring", KEYRING_ONLY_IN_KEYRING);
        rules.put("adaptersIndependent", ADAPTERS_INDEPENDENT);
        rules.put("storageAdaptersIndependent", STORAGE_ADAPTERS_INDEPENDENT);
        rules.put("noWallClockOrAdHocRandomness", NO_WALL_CLOCK_OR_AD_HOC_RANDOMNESS);
        rules.put("noProviderRegistration", NO_PROVIDER_REGISTRATION);
        rules.put("noByteArraysInRecords", NO_BYTE_ARRAYS_IN_RECORDS);
        rules.put("insecureSecretAccessConfined", INSECURE_SECRET_ACCESS_CONFINED);
        for (int i = 0; i < GENERAL.size(); i++) {
            rules.put("general" + i, GENERAL.get(i));
        }
        rules.put("inboundPortNames", INBOUND_PORT_NAMES);
        rules.put("serviceNames", SERVICE_NAMES);
        rules.put("apiExposesNoInternals", ApiBoundaryRules.API_EXPOSES_NO_INTERNALS);
        rules.put("examplesUseNoInternals", ApiBoundaryRules.EXAMPLES_USE_NO_INTERNALS);
        return rules;
    }

    private static DescribedPredicate<JavaClass> isRecord() {
        return JavaClass.Predicates.assignableTo(Record.class).as("records");
    }
}
