package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code vendor-score-mismatch}. */
class VendorScoreMismatchTest extends VendorFixture {

  private static final String STREAMFORGE =
      "decision: go\n      benchmark:\n        pocPipelineBuildDays: 4";

  @Test
  void shouldReportADeclaredWeightedScoreTheScoresDoNotGive() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, STREAMFORGE, "weightedScorePct: 88.0\n      " + STREAMFORGE);
    Position at = Fixtures.positionOf(file, "weightedScorePct: 88.0");

    assertThat(Fixtures.only("vendor-score-mismatch").validate(repo))
        .containsRule("vendor-score-mismatch")
        .inFile(PIPELINES)
        .at(at.line(), at.column() + "weightedScorePct: ".length())
        .withPath("/spec/vendors/0/weightedScorePct")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("'v-streamforge' is declared at 88% but its scores give 84.67%")
        .withMessageContaining("technical fit 4.33, economics 4, viability 4.33, lock-in 4.33")
        .withHintContaining("weightedScorePct: 84.67")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAScoreRoundedWithinTheToleranceAndNoScoreAtAll() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, STREAMFORGE, "weightedScorePct: 84.7\n      " + STREAMFORGE);

    assertThat(Fixtures.only("vendor-score-mismatch").validate(repo))
        .doesNotContainRule("vendor-score-mismatch");
  }

  @Test
  void shouldLeaveScoresOutOfRangeToTheirOwnRule() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, STREAMFORGE, "weightedScorePct: 10\n      " + STREAMFORGE);
    Fixtures.replaceOnce(file, "workloadFit: 5, integration: 4", "workloadFit: 9, integration: 4");

    assertThat(Fixtures.only("vendor-score-mismatch").validate(repo))
        .doesNotContainRule("vendor-score-mismatch");
  }
}
