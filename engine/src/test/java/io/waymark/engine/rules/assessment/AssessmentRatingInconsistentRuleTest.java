package io.waymark.engine.rules.assessment;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentRatingInconsistentRuleTest {

  private static final String RULE = "assessment-rating-inconsistent";
  private static final String JANUARY = "assessment/2027-01-assessment.yaml";
  private static final String APRIL = "assessment/2027-04-assessment.yaml";

  @TempDir Path dir;

  @Test
  void shouldReportComputeGreenerThanRedWithGpusBelowFortyPercent() {
    Path file = Fixtures.copyExample(dir).resolve(JANUARY);
    Fixtures.replaceOnce(file, "compute:\n      rating: red", "compute:\n      rating: yellow");
    Position rating = rating(file, "compute:\n      rating: yellow");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile(JANUARY)
        .at(rating.line(), rating.column())
        .withMessageContaining("compute is rated yellow in assessment-2027-01")
        .withMessageContaining("GPU utilisation is 31% (diagnostics.gpuUtilisationPct)")
        .hasCount(1);
  }

  @Test
  void shouldReportNetworkGreenerThanRedAboveTwoHundredMilliseconds() {
    Path file = Fixtures.copyExample(dir).resolve(APRIL);
    // Applies to every assessment, not only the latest.
    Fixtures.replaceOnce(file, "p95LatencyMs: 86", "p95LatencyMs: 201");
    Position rating = rating(file, "network:\n      rating: yellow");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile(APRIL)
        .at(rating.line(), rating.column())
        .withMessageContaining("p95 latency is 201 ms")
        .hasCount(1);
  }

  @Test
  void shouldReportDataGreenerThanRedWithManualPipelinesInTheMeasurements() {
    Path file = Fixtures.copyExample(dir).resolve(APRIL);
    Fixtures.replaceOnce(
        file, "        pipelineAutomation: partial", "        pipelineAutomation: manual");
    Position rating = rating(file, "data:\n      rating: yellow");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile(APRIL)
        .at(rating.line(), rating.column())
        .withMessageContaining("data pipelines are manual (data.measurements.pipelineAutomation)")
        .hasCount(1);
  }

  @Test
  void shouldAcceptRedRatingsBehindRedFlagsAndAnyRatingWithoutThem() {
    // January: 31 %, 240 ms and manual, all rated red; April: 52 %, 86 ms, partial.
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptExactlyFortyPercentAndTwoHundredMilliseconds() {
    Path file = Fixtures.copyExample(dir).resolve(APRIL);
    Fixtures.replaceOnce(
        file, "gpuUtilisationPct: 52\n    retrieval", "gpuUtilisationPct: 40\n    retrieval");
    Fixtures.replaceOnce(
        file, "gpuUtilisationPct: 52\n        gpuCount", "gpuUtilisationPct: 40\n        gpuCount");
    Fixtures.replaceOnce(file, "p95LatencyMs: 86", "p95LatencyMs: 200");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  private static Position rating(Path file, String marker) {
    Position p = Fixtures.positionOf(file, marker);
    return new Position(p.line() + 1, "      rating: ".length() + 1);
  }
}
