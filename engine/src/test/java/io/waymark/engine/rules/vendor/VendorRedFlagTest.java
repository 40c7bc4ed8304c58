package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code vendor-red-flag}. */
class VendorRedFlagTest extends VendorFixture {

  @Test
  void shouldReportAGoWithARedFlag() {
    Path file = pipelines();
    String streamforge = "decision: go\n      benchmark:\n        pocPipelineBuildDays: 4";
    Position at = Fixtures.positionOf(file, streamforge);
    Fixtures.replaceOnce(file, "redFlags: []", "redFlags: [pressure-tactics, broad-data-rights]");

    assertThat(Fixtures.only("vendor-red-flag").validate(repo))
        .containsRule("vendor-red-flag")
        .inFile(PIPELINES)
        .at(at.line(), at.column() + "decision: ".length())
        .withPath("/spec/vendors/0/decision")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("'v-streamforge' is a go despite red flag(s)")
        .withMessageContaining("pressure-tactics (pressure tactics)")
        .withMessageContaining("broad-data-rights (broad rights to use your data)")
        .hasCount(1);
  }

  @Test
  void shouldAcceptARedFlagOnAVendorInDiligence() {
    // Pipewise is in diligence with proprietary-formats in the example.
    assertThat(Fixtures.read(Fixtures.exampleRoadmap().resolve(PIPELINES)))
        .contains("redFlags: [proprietary-formats]");

    assertThat(Fixtures.only("vendor-red-flag").validate(Fixtures.copyExample(repo)))
        .doesNotContainRule("vendor-red-flag");
  }
}
