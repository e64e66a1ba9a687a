package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * The secret scan over everything this test JVM produced while the e2e suite and the hygiene tests ran at TRACE:
 * JUL (System.Logger, Guice, the JDK), SLF4J (the testkit, JDBI), standard output and error, the stack traces of
 * every failure the tests saw, and the {@code toString} of every project object reachable from their clients.
 * Each secret they used is searched raw, in Base64, Base64url and hex. {@link RunsLast} puts this class after
 * every other class of the module; run alone (as by {@code .ci/reliability}, whose tag filter skips the e2e
 * classes) it first runs the e2e suite itself, in this JVM.
 */
@Tag("reliability")
@RunsLast
class SecretHygieneScanTest {
    private static final String BASE = "org.opentokens.powerauth.token.";

    @Test
    void theWholeE2eSuiteAtTraceLeaksNoSecretIntoLogsExceptionsOrToStrings() throws IOException {
        assertThat(TraceLogCapture.installed()).as("the launcher session listener installed the capture").isTrue();
        String e2eRun = SecretRegistry.bedsClosed() > 0 ? "before the scan" : runE2eSuiteHere();
        assertThat(SecretRegistry.bedsClosed()).as("e2e test beds that fed the registry").isPositive();

        SecretScanner scanner = new SecretScanner(SecretRegistry.forms());
        Path slf4jLog = TraceLogCapture.slf4jLogFile();
        assertThat(slf4jLog).as("slf4j-simple writes to a file (surefire systemPropertyVariables)").isNotNull();
        TraceLogCapture.flush();
        Path julLog = TraceLogCapture.julLogFile();
        long slf4j = Files.exists(slf4jLog) ? Files.size(slf4jLog) : 0;
        long jul = Files.size(julLog);
        byte[] std = TraceLogCapture.standardStreams();
        List<String> exceptions = SecretRegistry.exceptionTexts();
        List<String> toStrings = SecretRegistry.toStringTexts();
        List<SecretScanner.Hit> hits = new ArrayList<>();
        hits.addAll(scanner.scan("JUL log", julLog));
        if (slf4j > 0) {
            hits.addAll(scanner.scan("SLF4J log", slf4jLog));
        }
        hits.addAll(scanner.scan("stdout/stderr", std));
        hits.addAll(scanner.scan("exceptions", String.join("\n", exceptions)));
        hits.addAll(scanner.scan("toString", String.join("\n", toStrings)));

        Coverage coverage = coverage();
        Reliability.record("hygiene: e2e suite at TRACE, secret scan",
                SecretRegistry.secretCount() + " secrets (" + scanner.formCount() + " spellings; "
                + SecretRegistry.secretsByKind() + "), e2e run " + e2eRun + " (" + SecretRegistry.bedsClosed()
                + " beds); scanned JUL " + jul + " bytes/" + TraceLogCapture.julRecords() + " records, SLF4J "
                + slf4j + " bytes, std streams " + std.length + " bytes, " + exceptions.size()
                + " exception traces, " + toStrings.size() + " toStrings of " + SecretRegistry.objectsWalked()
                + " walked objects; public types with a toString seen " + coverage.seen.size() + "/"
                + coverage.all.size() + "; hits " + hits.size());
        System.out.println("[hygiene] public types never seen: " + coverage.unseen());

        assertThat(hits).as("secrets found (label, spelling, place)").isEmpty();
        assertThat(SecretRegistry.secretCount()).isPositive();
        assertThat(SecretRegistry.secretsByKind()).containsKeys("password", "application secret", "token secret",
                "possession key", "transport key", "knowledge key", "header value", "token digest", "counter data");
        assertThat(jul + slf4j).as("log bytes scanned").isPositive();
        assertThat(TraceLogCapture.julRecords()).as("JUL records at FINE and below").isPositive();
        assertThat(slf4j).as("SLF4J TRACE output (the testkit logs every exchange)").isPositive();
        assertThat(exceptions).as("exception traces").isNotEmpty();
        assertThat(toStrings).as("toStrings").isNotEmpty();
        assertThat(coverage.seen).as("secret-bearing public types whose toString was scanned").contains(
                BASE + "wiring.PowerAuthClientConfig", BASE + "domain.internal.record.ActivationRecord",
                BASE + "domain.internal.record.TokenRecord", BASE + "domain.internal.token.TokenSecret",
                BASE + "port.in.PowerAuthAuthorizationHttpHeader");
    }

    /** Runs the e2e package in this JVM, for a run whose filter left it out. @return how it ran */
    private static String runE2eSuiteHere() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(BASE + "wiring.e2e"))
                .filters(ClassNameFilter.includeClassNamePatterns(".*E2eTest"))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsSucceededCount()).as("e2e tests run by the scan").isPositive();
        assertThat(summary.getTotalFailureCount()).as("e2e failures").isZero();
        return "by the scan itself (" + summary.getTestsSucceededCount() + " tests)";
    }

    /** The public classes of domain, port.in, port.out, port.internal and wiring, and which of them had a toString scanned. */
    private record Coverage(Set<String> all, Set<String> seen) {
        String unseen() {
            Set<String> unseen = new TreeSet<>(all);
            unseen.removeAll(seen);
            return unseen.stream().map(n -> n.substring(BASE.length())).collect(Collectors.joining(", "));
        }
    }

    private static Coverage coverage() {
        Set<String> all = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE + "domain", BASE + "port.in", BASE + "port.out", BASE + "port.internal",
                        BASE + "wiring")) {
            String location = c.getSource().map(source -> source.getUri().toString()).orElse("");
            boolean fixture = location.contains("test-classes") || location.contains("-tests.jar");
            if (!fixture && c.getModifiers().contains(JavaModifier.PUBLIC) && !c.isInterface() && !c.isAnnotation()
                    && !c.getModifiers().contains(JavaModifier.ABSTRACT) && !c.getSimpleName().equals("package-info")) {
                all.add(c.getName());
            }
        }
        Set<String> seen = new TreeSet<>(SecretRegistry.typesSeen());
        seen.retainAll(all);
        return new Coverage(all, seen);
    }
}
