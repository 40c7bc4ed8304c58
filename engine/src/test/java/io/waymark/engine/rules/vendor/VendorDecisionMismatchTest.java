package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code vendor-decision-mismatch}. */
class VendorDecisionMismatchTest extends VendorFixture {

  @Test
  void shouldReportADeclaredDecisionBelowTheComputedBand() {
    Path file = pipelines();
    String streamforge = "decision: go\n      benchmark:\n        pocPipelineBuildDays: 4";
    Position at = Fixtures.positionOf(file, streamforge);
    Fixtures.replaceOnce(file, streamforge, streamforge.replace("go", "diligence"));

    assertThat(Fixtures.only("vendor-decision-mismatch").validate(repo))
        .containsRule("vendor-decision-mismatch")
        .inFile(PIPELINES)
        .at(at.line(), at.column() + "decision: ".length())
        .withPath("/spec/vendors/0/decision")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("'v-streamforge' is declared diligence but scores 84.67%")
        .withMessageContaining("technical fit 4.33, economics 4, viability 4.33, lock-in 4.33")
        .withMessageContaining("which is go (go ≥ 80%, diligence ≥ 60%, no-go below)")
        .withHintContaining("decision: go")
        .hasCount(1);
  }

  @Test
  void shouldReportAGoThatScoresInTheDiligenceBand() {
    Path file = Fixtures.copyExample(repo).resolve(GPU_CLOUD);
    Fixtures.replaceOnce(
        file,
        "redFlags: [no-segment-references]\n      decision: diligence",
        "redFlags: []\n      decision: go");

    assertThat(Fixtures.only("vendor-decision-mismatch").validate(repo))
        .containsRule("vendor-decision-mismatch")
        .inFile(GPU_CLOUD)
        .withPath("/spec/vendors/1/decision")
        .withMessageContaining("'v-helio-cloud' is declared go but scores 69.33%")
        .withMessageContaining("which is diligence")
        .hasCount(1);
  }

  @Test
  void shouldJudgeAgainstTheEvaluationsOwnThresholds() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, "go: 80\n", "go: 85\n");

    assertThat(Fixtures.only("vendor-decision-mismatch").validate(repo))
        .containsRule("vendor-decision-mismatch")
        .withMessageContaining("'v-streamforge' is declared go but scores 84.67%")
        .withMessageContaining("go ≥ 85%")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAVendorScoringFourEverywhereAsAGo() {
    Path file = pipelines();
    Fixtures.replaceOnce(
        file,
        "technicalFit: {workloadFit: 5, integration: 4, performance: 4}",
        "technicalFit: {workloadFit: 4, integration: 4, performance: 4}");
    Fixtures.replaceOnce(
        file,
        "viability: {financialHealth: 4, roadmapAlignment: 4, supportQuality: 5}",
        "viability: {financialHealth: 4, roadmapAlignment: 4, supportQuality: 4}");
    Fixtures.replaceOnce(
        file,
        "lockIn: {dataPortability: 4, openStandards: 5, exitTerms: 4}",
        "lockIn: {dataPortability: 4, openStandards: 4, exitTerms: 4}");

    assertThat(Fixtures.only("vendor-decision-mismatch").validate(repo))
        .doesNotContainRule("vendor-decision-mismatch");
  }
}
