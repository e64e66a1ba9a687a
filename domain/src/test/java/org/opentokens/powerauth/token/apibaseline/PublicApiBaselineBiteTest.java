package org.opentokens.powerauth.token.apibaseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.apibaseline.fixture.internal.Hidden;

/** The baseline check reports an added and a changed member, and lists only what a host can see. */
class PublicApiBaselineBiteTest {
    private static final List<String> RECORDED = PublicApiListing
            .list(List.of(org.opentokens.powerauth.token.apibaseline.fixture.v1.Widget.class)).stream()
            .map(l -> l.replace(".fixture.v1.", ".fixture.v2.")).toList();
    private static final List<Class<?>> CURRENT =
            List.of(org.opentokens.powerauth.token.apibaseline.fixture.v2.Widget.class);

    @Test
    void listsSignaturesWithGenericsAndThrows() {
        assertThat(RECORDED).contains(
                "public class org.opentokens.powerauth.token.apibaseline.fixture.v2.Widget<T extends java.lang.Comparable<T>>"
                        + " implements java.lang.AutoCloseable",
                "  protected void org.opentokens.powerauth.token.apibaseline.fixture.v2.Widget.grow()"
                        + " throws java.io.IOException",
                "  public org.opentokens.powerauth.token.apibaseline.fixture.v2.Widget(java.util.List<T>)",
                "  public static final int org.opentokens.powerauth.token.apibaseline.fixture.v2.Widget.LIMIT");
        assertThat(String.join("\n", RECORDED)).doesNotContain("notApi");
    }

    @Test
    void anAddedAndAChangedMemberAreReportedAsADiff(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("fixture.api");
        Files.write(baseline, RECORDED);

        assertThatThrownBy(() -> PublicApiBaseline.compare("fixture", baseline, CURRENT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-  public int org.opentokens.powerauth.token.apibaseline.fixture.v2.Widget.size()")
                .hasMessageContaining("+  public long org.opentokens.powerauth.token.apibaseline.fixture.v2.Widget.size()")
                .hasMessageContaining("+  public java.lang.String org.opentokens.powerauth.token.apibaseline.fixture.v2.Widget.name()")
                .hasMessageContaining("-Dapi.baseline.update=true");
    }

    @Test
    void anUnchangedApiPasses(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("fixture.api");
        Files.write(baseline, PublicApiListing.list(CURRENT));

        PublicApiBaseline.compare("fixture", baseline, CURRENT);
    }

    @Test
    void listsPublicMembersInheritedFromAHiddenBaseClassOnce() {
        List<String> listed = PublicApiListing.list(
                List.of(org.opentokens.powerauth.token.apibaseline.fixture.v2.Gadget.class));

        assertThat(listed).contains(
                "  public java.lang.String org.opentokens.powerauth.token.apibaseline.fixture.v2.HiddenBase.label()",
                "  public int org.opentokens.powerauth.token.apibaseline.fixture.v2.Gadget.overridden()");
        assertThat(listed).filteredOn(l -> l.contains("overridden")).hasSize(1);
    }

    @Test
    void internalPackagesAreNotApi() {
        assertThat(PublicApiListing.list(List.of(Hidden.class))).isEmpty();
        assertThat(PublicApiListing.isInternal("a.b.internal.c.D")).isTrue();
        assertThat(PublicApiListing.isInternal("a.b.internals.D")).isFalse();
    }
}
