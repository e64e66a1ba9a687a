package org.opentokens.powerauth.token.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.benchmarks.suite.Group;

/**
 * The cold-start probe runs: the plain and the tuned deployment (JDK 25 is left to the suite, for time) each give a
 * header the emulator accepts without a status call (the probe checks both), and a floor.
 */
class CliColdStartTest {

    @Test
    void headersNeedNoServerCallAndTheFloorRunsThroughTheSameLauncher() throws Exception {
        List<Deployment> deployments = Deployment.available().subList(0, 2);
        assertThat(deployments).extracting(Deployment::tuned).containsExactly(false, true);
        try (CliColdStart probe = new CliColdStart()) {
            for (Deployment d : deployments) {
                probe.train(d);
                CliColdStart.Run header = probe.header(d);
                CliColdStart.Run floor = probe.floor(d);

                assertThat(header.output()).startsWith("PowerAuth version=\"3.3\", token_id=");
                assertThat(floor.output().strip()).isEqualTo("floor");
                assertThat(header.ms()).isPositive();
            }
        }
    }

    @Test
    void theGroupHasATargetOnEveryTunedDeploymentOnly() {
        Group group = ColdStartGroup.definition(Deployment.available());

        assertThat(group.ratios()).allSatisfy(ratio -> assertThat(ratio.target() != null)
                .isEqualTo(ratio.name().contains("tuned")));
        assertThat(group.ratios()).filteredOn(ratio -> ratio.target() != null)
                .allSatisfy(ratio -> assertThat(ratio.targetText()).isEqualTo("≤ 4"));
    }
}
