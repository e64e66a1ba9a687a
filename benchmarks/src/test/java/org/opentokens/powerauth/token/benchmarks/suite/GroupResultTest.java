package org.opentokens.powerauth.token.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/** Ratios are taken per round, then their median; CPU ratios follow the same rule, inverted for throughput. */
class GroupResultTest {
    private static final Group LATENCY = new Group("g", "G",
            List.of(Side.averageTime("a", Object.class, "a", TimeUnit.NANOSECONDS),
                    Side.averageTime("b", Object.class, "b", TimeUnit.NANOSECONDS),
                    Side.averageTime("c", Object.class, "c", TimeUnit.NANOSECONDS).withoutCpu()),
            List.of(Ratio.atLeast("a / b", "a", "b", 2)), List.of(), "note");

    @Test
    void computesTheRatioInEachRoundAndTakesTheMedian() {
        GroupResult r = new GroupResult(LATENCY, List.of(
                m("a", 1, 10, 5), m("b", 1, 5, 5),
                m("a", 2, 30, 5), m("b", 2, 10, 5),
                m("a", 3, 8, 5), m("b", 3, 8, 5)));
        Ratio ratio = LATENCY.ratios().get(0);

        assertThat(r.perRound(ratio)).containsExactly(2.0, 3.0, 1.0);
        assertThat(r.median(ratio)).isEqualTo(2.0);
        assertThat(ratio.meets(r.median(ratio))).isTrue();
        assertThat(r.perRoundCpu(ratio)).containsExactly(1.0, 1.0, 1.0);
    }

    @Test
    void sumsSeveralSidesOnEachSideOfTheLine() {
        Ratio sum = new Ratio("(a + c) / b", List.of("a", "c"), List.of("b"), 1.5, true);
        GroupResult r = new GroupResult(LATENCY, List.of(m("a", 1, 10, 1), m("b", 1, 10, 1), m("c", 1, 5, 1)));

        assertThat(r.perRound(sum)).containsExactly(1.5);
        assertThat(r.perRoundCpu(sum)).as("c has no meaningful CPU time").isEmpty();
    }

    @Test
    void skipsARoundWithAMissingSide() {
        GroupResult r = new GroupResult(LATENCY, List.of(m("a", 1, 10, 1), m("b", 1, 5, 1), m("a", 2, 10, 1)));

        assertThat(r.perRound(LATENCY.ratios().get(0))).containsExactly(2.0);
        assertThat(r.rounds()).isEqualTo(2);
    }

    @Test
    void invertsCpuTimesForThroughputSoThatHigherStaysBetter() {
        Group throughput = new Group("t", "T",
                List.of(Side.of("one", Object.class, "x", Mode.Throughput, TimeUnit.MILLISECONDS, 1),
                        Side.of("two", Object.class, "x", Mode.Throughput, TimeUnit.MILLISECONDS, 2)),
                List.of(Ratio.atLeast("two / one", "two", "one", 1.8)), List.of(), "note");
        GroupResult r = new GroupResult(throughput, List.of(m("one", 1, 100, 500), m("two", 1, 190, 550)));

        assertThat(r.median(throughput.ratios().get(0))).isCloseTo(1.9, within(1e-9));
        assertThat(r.perRoundCpu(throughput.ratios().get(0)).get(0)).isCloseTo(500.0 / 550, within(1e-9));
    }

    @Test
    void aRatioWithAnUpperTargetFailsAboveIt() {
        Ratio atMost = Ratio.atMost("x", "a", "b", 1.3);

        assertThat(atMost.meets(1.3)).isTrue();
        assertThat(atMost.meets(1.31)).isFalse();
        assertThat(atMost.targetText()).isEqualTo("≤ 1.3");
        assertThat(new Ratio("y", List.of("a"), List.of("b"), null, true).meets(0.01)).isTrue();
    }

    private static Measurement m(String side, int round, double score, double cpu) {
        return new Measurement(side, round, score, 0, "ns/op", cpu);
    }
}
