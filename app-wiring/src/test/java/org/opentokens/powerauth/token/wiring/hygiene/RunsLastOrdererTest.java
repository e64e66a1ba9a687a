package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** The orderer the module configures moves {@link RunsLast} classes behind every other class. */
class RunsLastOrdererTest {

    @Test
    void theScanIsOrderedAfterTheE2eClassesAndOthersKeepTheirOrder() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(SecretHygieneScanTest.class),
                        DiscoverySelectors.selectPackage("org.opentokens.powerauth.token.wiring.e2e"))
                .configurationParameter("junit.jupiter.testclass.order.default", RunsLastOrderer.class.getName())
                .build());

        List<String> classes = plan.getRoots().stream().flatMap(root -> plan.getChildren(root).stream())
                .map(TestIdentifier::getDisplayName).toList();

        assertThat(classes).hasSizeGreaterThan(2).endsWith(SecretHygieneScanTest.class.getSimpleName())
                .contains("TokenLifecycleE2eTest", "FaultE2eTest");
    }
}
