package org.opentokens.powerauth.token.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A cold-start process produces a header the server accepts (the probe checks it) and reports its milestones. */
class ColdStartProbeTest {

    @ParameterizedTest
    @ValueSource(strings = {ColdStartMain.SQLITE, ColdStartMain.MEMORY_SEEDED})
    void aFreshProcessGeneratesAnAcceptedHeaderFromTheStoredToken(String storage) throws Exception {
        try (ColdStartProbe probe = new ColdStartProbe(storage)) {
            ColdStartProbe.Run run = probe.run();

            assertThat(run.injectorMs()).isPositive();
            assertThat(run.headerMs()).isGreaterThanOrEqualTo(run.injectorMs());
        }
    }

    @Test
    void theTunedDeploymentTrainsItsArchiveOnceAndStillGeneratesAcceptedHeaders() throws Exception {
        try (ColdStartProbe probe = new ColdStartProbe(ColdStartMain.SQLITE)) {
            ColdStartProbe.Run first = probe.runTuned();
            ColdStartProbe.Run second = probe.runTuned();

            assertThat(first.headerMs()).isGreaterThanOrEqualTo(first.injectorMs());
            assertThat(second.headerMs()).isGreaterThanOrEqualTo(second.injectorMs());
            assertThat(probe.tunedArchive()).isRegularFile();
        }
    }
}
