package org.opentokens.powerauth.token.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/** Every group names real benchmark methods, and its ratios and limits name its own sides. */
class GroupsTest {

    @Test
    void everySideIsABenchmarkMethod() {
        for (Group g : Groups.all()) {
            for (Side s : g.sides()) {
                assertThat(Arrays.stream(s.benchmark().getMethods())
                        .filter(m -> m.getName().equals(s.method()))
                        .anyMatch(m -> m.isAnnotationPresent(Benchmark.class)))
                        .as("%s %s", g.id(), s.label()).isTrue();
            }
        }
    }

    @Test
    void ratiosAndLimitsReferToSidesOfTheirGroup() {
        for (Group g : Groups.all()) {
            List<String> referenced = new ArrayList<>();
            g.ratios().forEach(r -> {
                referenced.addAll(r.numerator());
                referenced.addAll(r.denominator());
            });
            g.limits().forEach(l -> referenced.add(l.side()));
            for (String label : referenced) {
                assertThat(g.side(label)).as("%s %s", g.id(), label).isPresent();
            }
        }
    }

    @Test
    void theIssueTargetsAreAllPresent() {
        List<String> targets = new ArrayList<>();
        Groups.all().forEach(g -> g.ratios().stream().filter(r -> r.target() != null)
                .forEach(r -> targets.add(g.id() + ": " + r.name() + " " + r.targetText())));

        assertThat(targets).contains("header: Wultra / ours ≥ 15", "header: ours / floor ≤ 1.3",
                "throughput: ours: 2 threads / 1 thread ≥ 1.8",
                "token-create: Wultra / ours (request + response) ≥ 1.5",
                "v4-header: Wultra 2.0.1 / ours ≥ 5", "v4-header: ours / floor ≤ 1.3",
                "v4-token-create: Wultra 2.0.1 / ours, EC_P384 (fresh temporary key + token create) ≥ 1.5",
                "v4-token-create: Wultra 2.0.1 / ours, EC_P384_ML_L3 (fresh temporary key + token create) ≥ 1.5");
    }

    @Test
    void groupIdsAreUniqueAndUnknownOnesAreRefused() {
        assertThat(Groups.all().stream().map(Group::id)).doesNotHaveDuplicates();
        assertThatThrownBy(() -> Groups.byId("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
