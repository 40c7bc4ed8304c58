package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing and a passing fixture per vendor rule: each test copies the example roadmap (which
 * validates clean), changes one thing in a vendor evaluation, and checks the finding it causes.
 */
class VendorRulesTest {

  private static final String PIPELINES = "vendors/data-pipeline-platform.yaml";
  private static final String GPU_CLOUD = "vendors/gpu-cloud-capacity.yaml";

  @TempDir Path repo;

  private Path pipelines() {
    return Fixtures.copyExample(repo).resolve(PIPELINES);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "vendor-weights",
        "vendor-score-range",
        "vendor-decision-mismatch",
        "vendor-score-mismatch",
        "vendor-references",
        "vendor-red-flag"
      })
  void shouldBeRegisteredDocumentedAndSilentOnTheExampleRoadmap(String rule) {
    assertThat(RuleRegistry.discover().rule(rule)).as("rule %s is registered", rule).isPresent();
    assertThat(RuleRegistry.discover().rule(rule).orElseThrow().descriptor().group())
        .isEqualTo("vendors");

    assertThat(Fixtures.only(rule).validate(Fixtures.copyExample(repo))).doesNotContainRule(rule);
  }

  @Nested
  class VendorWeights {

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

      assertThat(Fixtures.only("vendor-weights").validate(repo))
          .doesNotContainRule("vendor-weights");
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

  @Nested
  class VendorScoreRange {

    @Test
    void shouldReportAScoreAboveFive() {
      Path file = pipelines();
      Position key = Fixtures.positionOf(file, "workloadFit: 5");
      Fixtures.replaceOnce(file, "workloadFit: 5", "workloadFit: 6");

      assertThat(Fixtures.only("vendor-score-range").validate(repo))
          .containsRule("vendor-score-range")
          .inFile(PIPELINES)
          .at(key.line(), key.column() + "workloadFit: ".length())
          .withPath("/spec/vendors/0/scores/technicalFit/workloadFit")
          .withSeverity(Severity.ERROR)
          .withMessageContaining("score 6 for technicalFit/workloadFit of vendor 'v-streamforge'")
          .withMessageContaining("outside 1-5")
          .hasCount(1);
    }

    @Test
    void shouldReportAScoreThatIsNotAWholeNumber() {
      Path file = Fixtures.copyExample(repo).resolve(GPU_CLOUD);
      Position key = Fixtures.positionOf(file, "performance: 5");
      Fixtures.replaceOnce(file, "performance: 5", "performance: 4.5");

      assertThat(Fixtures.only("vendor-score-range").validate(repo))
          .containsRule("vendor-score-range")
          .inFile(GPU_CLOUD)
          .at(key.line(), key.column() + "performance: ".length())
          .withMessageContaining("score 4.5")
          .withMessageContaining("not a whole number")
          .hasCount(1);
    }

    @Test
    void shouldReportAScoreOfZero() {
      Path file = pipelines();
      Fixtures.replaceOnce(file, "openStandards: 1", "openStandards: 0");

      assertThat(Fixtures.only("vendor-score-range").validate(repo))
          .containsRule("vendor-score-range")
          .withPath("/spec/vendors/2/scores/lockIn/openStandards")
          .hasCount(1);
    }

    @Test
    void shouldAcceptAWholeNumberWrittenWithADecimalPoint() {
      Path file = pipelines();
      Fixtures.replaceOnce(file, "workloadFit: 5", "workloadFit: 5.0");

      assertThat(Fixtures.only("vendor-score-range").validate(repo))
          .doesNotContainRule("vendor-score-range");
    }

    @Test
    void shouldNotBandAVendorWithAnOutOfRangeScore() {
      Path file = pipelines();
      // 9 would lift DataLoom's technical fit; the range error is the one to fix first.
      Fixtures.replaceOnce(
          file, "workloadFit: 3, integration: 2", "workloadFit: 9, integration: 9");

      assertThat(Fixtures.only("vendor-decision-mismatch", "vendor-score-range").validate(repo))
          .doesNotContainRule("vendor-decision-mismatch")
          .containsRule("vendor-score-range")
          .hasCount(2);
    }
  }

  @Nested
  class VendorScoreMismatch {

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
      Fixtures.replaceOnce(
          file, "workloadFit: 5, integration: 4", "workloadFit: 9, integration: 4");

      assertThat(Fixtures.only("vendor-score-mismatch").validate(repo))
          .doesNotContainRule("vendor-score-mismatch");
    }
  }

  @Nested
  class VendorDecisionMismatch {

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

  @Nested
  class VendorReferences {

    @Test
    void shouldReportAGoWithFewerThanThreeReferences() {
      Path file = pipelines();
      Position key = Fixtures.positionOf(file, "references: 5");
      Fixtures.replaceOnce(file, "references: 5", "references: 2");

      assertThat(Fixtures.only("vendor-references").validate(repo))
          .containsRule("vendor-references")
          .inFile(PIPELINES)
          .at(key.line(), key.column() + "references: ".length())
          .withPath("/spec/vendors/0/references")
          .withSeverity(Severity.WARNING)
          .withMessageContaining("'v-streamforge' (go) has 2 customer references; at least 3")
          .hasCount(1);
    }

    @Test
    void shouldReportADiligenceWithFewerThanThreeReferences() {
      Path file = pipelines();
      Fixtures.replaceOnce(file, "references: 3", "references: 0");

      assertThat(Fixtures.only("vendor-references").validate(repo))
          .containsRule("vendor-references")
          .withPath("/spec/vendors/1/references")
          .withMessageContaining("(diligence) has 0 customer references")
          .hasCount(1);
    }

    @Test
    void shouldNotAskANoGoForReferences() {
      // DataLoom is a no-go with a single reference in the example.
      assertThat(Fixtures.only("vendor-references").validate(Fixtures.copyExample(repo)))
          .doesNotContainRule("vendor-references");
      assertThat(Fixtures.read(Fixtures.exampleRoadmap().resolve(PIPELINES)))
          .contains("references: 1");
    }
  }

  @Nested
  class VendorRedFlag {

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
}
