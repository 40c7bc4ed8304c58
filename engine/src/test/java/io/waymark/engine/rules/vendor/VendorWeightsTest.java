package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code vendor-weights}. */
class VendorWeightsTest extends VendorFixture {

  @Test
  void shouldReportWeightsThatDoNotAddUpToOneHundred() {
    Path file = pipelines();
    Position at = Fixtures.positionOf(file, "technicalFit: 40");
    Fixtures.replaceOnce(file, "lockIn: 10", "lockIn: 15");

    assertThat(Fixtures.only("vendor-weights").validate(repo))
        .containsRule("vendor-weights")
        .inFile(PIPELINES)
        .at(at.line(), at.column())
        .withPath("/spec/weights")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("add up to 105%")
        .withMessageContaining("lock-in 15")
        .withHintContaining("40/30/20/10")
        .hasCount(1);
  }

  @Test
  void shouldAcceptCustomWeightsThatAddUpToOneHundred() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, "technicalFit: 40\n", "technicalFit: 35\n");
    Fixtures.replaceOnce(file, "lockIn: 10", "lockIn: 15");

    assertThat(Fixtures.only("vendor-weights").validate(repo)).doesNotContainRule("vendor-weights");
  }

  @Test
  void shouldNotBandVendorsWhileTheWeightsAreWrong() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, "technicalFit: 40\n", "technicalFit: 10\n");

    assertThat(Fixtures.only("vendor-decision-mismatch", "vendor-weights").validate(repo))
        .doesNotContainRule("vendor-decision-mismatch")
        .containsRule("vendor-weights")
        .hasCount(1);
  }
}
