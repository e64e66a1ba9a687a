package org.opentokens.powerauth.token.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

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
}
