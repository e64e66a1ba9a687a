package org.opentokens.powerauth.token.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cold-start process produces a header the server accepts (the probe checks it) and reports its milestones. */
class ColdStartProbeTest {

    @Test
    void aFreshProcessGeneratesAnAcceptedHeaderFromTheStoredToken() throws Exception {
        try (ColdStartProbe probe = new ColdStartProbe(ColdStartMain.MEMORY_SEEDED)) {
            ColdStartProbe.Run run = probe.run();

            assertThat(run.injectorMs()).isPositive();
            assertThat(run.headerMs()).isGreaterThanOrEqualTo(run.injectorMs());
        }
    }
}
