package org.opentokens.powerauth.token.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The report leads with the targets, marks the missed ones, and lists every side's rounds. */
class ReportWriterTest {

    @Test
    void listsEachTargetWithItsMedianAndWhetherItIsMet() {
        Group group = new Group("header", "1. Header", List.of(
                Side.averageTime("ours", Object.class, "o", TimeUnit.NANOSECONDS),
                Side.averageTime("wultra", Object.class, "w", TimeUnit.NANOSECONDS),
                Side.averageTime("floor", Object.class, "f", TimeUnit.NANOSECONDS)),
                List.of(Ratio.atLeast("Wultra / ours", "wultra", "ours", 15),
                        Ratio.atMost("ours / floor", "ours", "floor", 1.3)),
                List.of(new Limit("ours latency", "ours", 100, "ns/op")), "How it was measured.");
        GroupResult result = new GroupResult(group, List.of(
                new Measurement("ours", 1, 600, 1, "ns/op", 550),
                new Measurement("wultra", 1, 12000, 1, "ns/op", 11000),
                new Measurement("floor", 1, 500, 1, "ns/op", 480)));

        String report = ReportWriter.render(SuiteMode.FULL, List.of("Machine: test"), List.of(result));

        assertThat(report).startsWith("# Benchmark report (full mode)")
                .contains("- Machine: test")
                .contains("| header | Wultra / ours | **20.0** | 20.0–20.0 | 20.0 | ≥ 15 | yes |")
                .contains("| header | ours / floor | **1.20** | 1.20–1.20 | 1.15 | ≤ 1.3 | yes |")
                .contains("| header | ours latency | **600 ns/op** | 600–600 | — | ≤ 100 ns/op | **no** |")
                .contains("## 1. Header")
                .contains("How it was measured.")
                .contains("| ours | 600 | 600 | ns/op | 550 |");
        assertThat(report.indexOf("## Targets")).isLessThan(report.indexOf("## 1. Header"));
        assertThat(report.indexOf("## 1. Header"))
                .isLessThan(report.indexOf("## Notes: how the domain computes HMAC-SHA256"));
        assertThat(report.indexOf("## Notes: how the domain computes HMAC-SHA256"))
                .isLessThan(report.indexOf("## Notes: the 4.0 header's KMAC256"));
        assertThat(report).endsWith("The stored format did not change with the switch.\n");
    }

    @Test
    void measurementsSurviveTheirTextForm() {
        Measurement m = new Measurement("ours-2t", 3, 1234.5, Double.NaN, "ops/ms", 700.25);

        Measurement back = Measurement.parse(m.toLine());

        assertThat(back.side()).isEqualTo("ours-2t");
        assertThat(back.round()).isEqualTo(3);
        assertThat(back.score()).isEqualTo(1234.5);
        assertThat(back.error()).isNaN();
        assertThat(back.unit()).isEqualTo("ops/ms");
        assertThat(back.cpuNsPerOp()).isEqualTo(700.25);
    }
}
