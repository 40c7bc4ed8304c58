package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of issue 9 that encode more of the guide: a failing and a passing fixture each. Every
 * test copies the example roadmap (clean as of 2027-05-14), changes one thing, and checks the
 * finding (rule, severity, file, position, message) it causes.
 */
class GuideRulesTest {

  private static final String ROADMAP = "roadmap.yaml";
  private static final String METRICS = "metrics/executive-dashboard.yaml";
  private static final String GOVERNANCE = "governance.yaml";
  private static final String APRIL = "assessment/2027-04-assessment.yaml";
  private static final String VENDORS = "vendors/gpu-cloud-capacity.yaml";
  private static final String INFERENCE_CASE = "business-cases/inference-economics.yaml";

  @TempDir Path repo;

  @BeforeEach
  void copyExample() {
    Fixtures.copyExample(repo);
  }

  private Path file(String relative) {
    return repo.resolve(relative);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "gate-weaker-than-guide",
        "vendor-method-changed",
        "vendor-no-go-selected",
        "ownership-below-threshold",
        "greenfield-unjustified",
        "metric-no-leading",
        "metric-no-lagging",
        "metric-no-baseline",
        "use-case-unmeasured",
        "milestone-no-deliverable",
        "priority-inverted",
        "assessment-diagnostics-missing",
        "review-cadence",
        "review-board-toothless"
      })
  void shouldBeRegisteredAndSilentOnTheExampleRoadmap(String rule) {
    assertThat(RuleRegistry.discover().rule(rule)).as("rule %s is registered", rule).isPresent();
    assertThat(RuleRegistry.discover().rule(rule).orElseThrow().descriptor().failingExample())
        .isNotBlank();

    assertThat(Fixtures.only(rule).validate(repo)).doesNotContainRule(rule);
  }

  @Nested
  class GateWeakerThanGuide {

    private static final String RULE = "gate-weaker-than-guide";
    private static final String DOWNTIME_TARGET =
        "metric: pilot-downtime-pct\n            operator: \"<\"\n            target: 5";

    @Test
    void shouldReportAPhaseOneGateWithAHigherDowntimeThreshold() {
      Fixtures.replaceOnce(
          file(ROADMAP), DOWNTIME_TARGET, DOWNTIME_TARGET.replace("target: 5", "target: 7.5"));
      Position target = Fixtures.positionOf(file(ROADMAP), "target: 7.5");

      assertThat(Fixtures.only(RULE).validate(repo))
          .containsRule(RULE)
          .withSeverity(Severity.WARNING)
          .inFile(ROADMAP)
          .at(target.line(), target.column() + "target: ".length())
          .withMessageContaining(
              "criterion gc-p1-pilot-downtime of gate gate-assess-stabilise (< 7.5) is weaker than"
                  + " the guide's phase-1 gate: pilot downtime < 5%")
          .hasCount(1);
    }

    @Test
    void shouldReportAMissingConditionAndNotGuessAtUnclassifiedMetrics() {
      // Without measures: pilot-downtime, Waymark cannot tell what the metric measures.
      Fixtures.replaceOnce(file(METRICS), "      measures: pilot-downtime\n", "");

      assertThat(Fixtures.only(RULE).validate(repo))
          .containsRule(RULE)
          .inFile(ROADMAP)
          .withMessageContaining(
              "gate gate-assess-stabilise of phase 1 (phase-assess-stabilise) has no criterion for"
                  + " the guide's \"pilot downtime < 5%\" (measures: pilot-downtime)")
          .hasCount(1);
    }

    @Test
    void shouldReportFewerProductionUseCasesThanTheGuideInPhaseTwo() {
      Fixtures.replaceOnce(
          file(ROADMAP),
          "fact: useCases.production\n            operator: \">=\"\n            target: 3",
          "fact: useCases.production\n            operator: \">=\"\n            target: 2");

      assertThat(Fixtures.only(RULE).validate(repo))
          .containsRule(RULE)
          .withMessageContaining(">= 3 use cases in production")
          .hasCount(1);
    }

    @Test
    void shouldAcceptAnEquallyStrictCriterionWrittenAnotherWay() {
      // "> 2" use cases is ">= 3" for a count.
      Fixtures.replaceOnce(
          file(ROADMAP),
          "fact: useCases.production\n            operator: \">=\"\n            target: 3",
          "fact: useCases.production\n            operator: \">\"\n            target: 2");

      assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
    }

    @Test
    void shouldAcceptAWeakerGateWithAnApprovedDeviationButNotWithAnUnapprovedOne() {
      Fixtures.replaceOnce(
          file(ROADMAP), DOWNTIME_TARGET, DOWNTIME_TARGET.replace("target: 5", "target: 8"));
      Fixtures.replaceOnce(
          file(ROADMAP),
          "        id: gate-assess-stabilise\n",
          "        id: gate-assess-stabilise\n"
              + "        deviation:\n"
              + "          reason: Depot pilots run on 4G links; 8 % is what the links allow\n"
              + "          decision: dec-waive-p1-retrieval-latency\n");
      assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);

      Fixtures.replaceOnce(
          file(ROADMAP),
          "allow\n          decision: dec-waive-p1-retrieval-latency\n",
          "allow\n          decision: dec-gpu-purchase-rejected\n");
      assertThat(Fixtures.only(RULE).validate(repo))
          .containsRule(RULE)
          .withHintContaining("no approved Governance decision")
          .hasCount(1);
    }
  }

  @Nested
  class VendorRules {

    @Test
    void shouldReportChangedWeightsWithoutAReason() {
      Fixtures.replaceOnce(
          file(VENDORS),
          "technicalFit: 40\n    economics: 30",
          "technicalFit: 30\n    economics: 40");
      Position weights = Fixtures.positionOf(file(VENDORS), "technicalFit: 30");

      assertThat(Fixtures.only("vendor-method-changed").validate(repo))
          .containsRule("vendor-method-changed")
          .withSeverity(Severity.WARNING)
          .inFile(VENDORS)
          .at(weights.line(), weights.column())
          .withMessageContaining("weights 30/40/20/10 differ from the guide's 40/30/20/10")
          .hasCount(1);
    }

    @Test
    void shouldReportChangedThresholdsAndAcceptThemWithAReason() {
      Fixtures.replaceOnce(file(VENDORS), "go: 80", "go: 75");
      assertThat(Fixtures.only("vendor-method-changed").validate(repo))
          .containsRule("vendor-method-changed")
          .withMessageContaining("thresholds go 75 / diligence 60 differ from the guide's 80/60")
          .hasCount(1);

      Fixtures.replaceOnce(
          file(VENDORS),
          "  thresholds:\n",
          "  deviation:\n    reason: Peak capacity is bought for one season only\n  thresholds:\n");
      assertThat(Fixtures.only("vendor-method-changed").validate(repo))
          .doesNotContainRule("vendor-method-changed");
    }

    @Test
    void shouldReportAnInitiativeNamingANoGoVendorAsAnError() {
      Fixtures.replaceOnce(file(ROADMAP), "vendor: v-nimbus-gpu", "vendor: v-voltaic-compute");
      Position at = Fixtures.positionOf(file(ROADMAP), "vendor: v-voltaic-compute");

      assertThat(Fixtures.only("vendor-no-go-selected").validate(repo))
          .containsRule("vendor-no-go-selected")
          .withSeverity(Severity.ERROR)
          .inFile(ROADMAP)
          .at(at.line(), at.column() + "vendor: ".length())
          .withMessageContaining(
              "initiative i-autoscaling-inference names vendor 'v-voltaic-compute', whose computed"
                  + " score 49.33% is no-go")
          .hasCount(1);
    }

    @Test
    void shouldWarnWhenAnApprovedDecisionSelectsAVendorStillInDiligence() {
      Fixtures.replaceOnce(file(GOVERNANCE), "selects: [v-nimbus-gpu]", "selects: [v-helio-cloud]");

      assertThat(Fixtures.only("vendor-no-go-selected").validate(repo))
          .containsRule("vendor-no-go-selected")
          .withSeverity(Severity.WARNING)
          .inFile(GOVERNANCE)
          .withMessageContaining(
              "approved decision dec-vendor-nimbus-gpu selects vendor 'v-helio-cloud', whose"
                  + " computed score 69.33% is only diligence, and the selection is final")
          .hasCount(1);
    }
  }

  @Nested
  class Ownership {

    @Test
    void shouldReportBuyingWhileTheCloudIsBelowSixtyPercentOfOwnedTco() {
      // 150,000 / 310,000 = 48 %.
      Fixtures.replaceOnce(file(INFERENCE_CASE), "sourcing: hybrid", "sourcing: buy");
      Position at = Fixtures.positionOf(file(INFERENCE_CASE), "sourcing: buy");

      assertThat(Fixtures.only("ownership-below-threshold").validate(repo))
          .containsRule("ownership-below-threshold")
          .withSeverity(Severity.WARNING)
          .inFile(INFERENCE_CASE)
          .at(at.line(), at.column() + "sourcing: ".length())
          .withMessageContaining("cloud cost is only 48.39% of the owned TCO")
          .hasCount(1);
    }

    @Test
    void shouldAcceptBuyingAboveTheThreshold() {
      Fixtures.replaceOnce(file(INFERENCE_CASE), "sourcing: hybrid", "sourcing: buy");
      Fixtures.replaceOnce(
          file(INFERENCE_CASE), "cloudAnnualCost: 150000", "cloudAnnualCost: 200000");

      assertThat(Fixtures.only("ownership-below-threshold").validate(repo))
          .doesNotContainRule("ownership-below-threshold");
    }

    @Test
    void shouldNotSuggestOwnershipToACaseThatIsAlreadyHybrid() {
      // 250,000 / 310,000 = 81 %: above 65 %, but the case is hybrid already.
      Fixtures.replaceOnce(
          file(INFERENCE_CASE), "cloudAnnualCost: 150000", "cloudAnnualCost: 250000");
      assertThat(Fixtures.only("bc-ownership-threshold").validate(repo))
          .doesNotContainRule("bc-ownership-threshold");

      Fixtures.replaceOnce(file(INFERENCE_CASE), "sourcing: hybrid", "sourcing: rent");
      assertThat(Fixtures.only("bc-ownership-threshold").validate(repo))
          .containsRule("bc-ownership-threshold")
          .hasCount(1);
    }
  }

  @Nested
  class Greenfield {

    private static final String EXPERIMENT = "        - id: i-edge-cold-chain-experiment\n";

    @Test
    void shouldReportAGreenfieldBuildReplacingYoungInfrastructure() {
      Fixtures.replaceOnce(
          file(ROADMAP),
          EXPERIMENT,
          EXPERIMENT + "          site: greenfield\n          replacedAgeYears: 4\n");
      Position at = Fixtures.positionOf(file(ROADMAP), "site: greenfield");

      assertThat(Fixtures.only("greenfield-unjustified").validate(repo))
          .containsRule("greenfield-unjustified")
          .withSeverity(Severity.WARNING)
          .at(at.line(), at.column() + "site: ".length())
          .withMessageContaining(
              "greenfield initiative i-edge-cold-chain-experiment is not justified: the"
                  + " infrastructure it replaces is 4 years old (under 7)")
          .hasCount(1);
    }

    @Test
    void shouldAcceptGreenfieldForOldInfrastructureOnceUseCasesAreInProduction() {
      Fixtures.replaceOnce(
          file(ROADMAP),
          EXPERIMENT,
          EXPERIMENT + "          site: greenfield\n          replacedAgeYears: 9\n");

      assertThat(Fixtures.only("greenfield-unjustified").validate(repo))
          .doesNotContainRule("greenfield-unjustified");
    }
  }

  @Nested
  class Metrics {

    @Test
    void shouldReportADashboardWithoutLeadingIndicators() {
      Position at = Fixtures.positionOf(file(METRICS), "- cost-per-inference\n");
      Fixtures.replaceOnce(
          file(METRICS),
          "    - data-pipeline-sla-pct\n    - gpu-utilisation-pct\n    - trained-staff-pct\n"
              + "    - milestone-completion-pct\n",
          "    - pilot-downtime-pct\n    - exception-handling-minutes\n");

      assertThat(Fixtures.only("metric-no-leading").validate(repo))
          .containsRule("metric-no-leading")
          .withSeverity(Severity.WARNING)
          .inFile(METRICS)
          .at(at.line(), at.column())
          .withMessageContaining("has no leading indicator (5 metric(s), none with kind: leading)")
          .hasCount(1);
      assertThat(Fixtures.only("metric-no-lagging").validate(repo))
          .doesNotContainRule("metric-no-lagging");
    }

    @Test
    void shouldReportADashboardWithoutLaggingIndicators() {
      Fixtures.replaceOnce(
          file(METRICS),
          "    - cost-per-inference\n    - time-to-deploy-days\n    - pilot-to-production-pct\n",
          "    - retrieval-latency-p95-ms\n");

      assertThat(Fixtures.only("metric-no-lagging").validate(repo))
          .containsRule("metric-no-lagging")
          .withMessageContaining("has no lagging indicator")
          .hasCount(1);
      assertThat(Fixtures.only("metric-no-leading").validate(repo))
          .doesNotContainRule("metric-no-leading");
    }

    @Test
    void shouldReportADashboardMetricWithoutBaseline() {
      Fixtures.replaceOnce(file(METRICS), "      baseline: 60\n", "");
      Position at = Fixtures.positionOf(file(METRICS), "id: milestone-completion-pct");

      assertThat(Fixtures.only("metric-no-baseline").validate(repo))
          .containsRule("metric-no-baseline")
          .withSeverity(Severity.WARNING)
          .at(at.line(), at.column() + "id: ".length())
          .withMessageContaining("dashboard metric milestone-completion-pct has no baseline")
          .hasCount(1);
    }

    @Test
    void shouldReportAProductionUseCaseThatNoMetricTracks() {
      Path eta = file("use-cases/eta-prediction.yaml");
      Fixtures.replaceOnce(
          eta,
          "  metrics:\n    - retrieval-latency-p95-ms\n    - cost-per-inference\n"
              + "    - pilot-downtime-pct\n",
          "");

      assertThat(Fixtures.only("use-case-unmeasured").validate(repo))
          .containsRule("use-case-unmeasured")
          .withSeverity(Severity.WARNING)
          .inFile("use-cases/eta-prediction.yaml")
          .withMessageContaining("is in production but names no metric")
          .hasCount(1);
    }
  }

  @Nested
  class Plan {

    @Test
    void shouldReportAMilestoneWithoutDeliverables() {
      Fixtures.replaceOnce(
          file(ROADMAP),
          "          deliverables:\n"
              + "            - API gateway with per-agent quotas and per-task cost guardrails\n"
              + "            - Kubernetes serving layer spanning on-premises and cloud GPUs\n",
          "");
      Position at = Fixtures.positionOf(file(ROADMAP), "id: ms-agent-orchestration-live");

      assertThat(Fixtures.only("milestone-no-deliverable").validate(repo))
          .containsRule("milestone-no-deliverable")
          .withSeverity(Severity.WARNING)
          .at(at.line(), at.column() + "id: ".length())
          .withMessageContaining(
              "milestone ms-agent-orchestration-live (due 2027-08-27) has no deliverables or"
                  + " success criteria")
          .hasCount(1);
    }

    @Test
    void shouldAcceptAMilestoneWithSuccessCriteriaInsteadOfDeliverables() {
      Fixtures.replaceOnce(
          file(ROADMAP),
          "          deliverables:\n"
              + "            - API gateway with per-agent quotas and per-task cost guardrails\n"
              + "            - Kubernetes serving layer spanning on-premises and cloud GPUs\n",
          "          successCriteria:\n            - Every agent tool call passes the gateway\n");

      assertThat(Fixtures.only("milestone-no-deliverable").validate(repo))
          .doesNotContainRule("milestone-no-deliverable");
    }

    @Test
    void shouldReportALowImpactHighEffortInitiativeInPhaseOne() {
      Fixtures.replaceOnce(
          file(ROADMAP), "impact: 4\n          effort: 1", "impact: 2\n          effort: 4");
      Position at = Fixtures.positionOf(file(ROADMAP), "impact: 2\n          effort: 4");

      assertThat(Fixtures.only("priority-inverted").validate(repo))
          .containsRule("priority-inverted")
          .withSeverity(Severity.WARNING)
          .at(at.line(), at.column() + "impact: ".length())
          .withMessageContaining(
              "initiative i-gpu-cost-visibility in the first phase has impact 2 and effort 4 while"
                  + " i-inference-cost-optimisation (impact 4, effort 2) waits in"
                  + " phase-scale-optimise")
          .hasCount(1);
    }

    @Test
    void shouldAcceptLowImpactWorkInPhaseOneWhenNothingBetterWaits() {
      // Impact 2, effort 3 is not high effort: nothing is inverted.
      Fixtures.replaceOnce(
          file(ROADMAP), "impact: 4\n          effort: 1", "impact: 2\n          effort: 3");

      assertThat(Fixtures.only("priority-inverted").validate(repo))
          .doesNotContainRule("priority-inverted");
    }
  }

  @Nested
  class AssessmentRules {

    @Test
    void shouldReportAnUnansweredDiagnosticQuestion() {
      Fixtures.replaceOnce(file(APRIL), "    retrievalLatencyMeasured: true\n", "");

      assertThat(Fixtures.only("assessment-diagnostics-missing").validate(repo))
          .containsRule("assessment-diagnostics-missing")
          .withSeverity(Severity.WARNING)
          .inFile(APRIL)
          .withMessageContaining(
              "assessment-2027-04 does not answer 1 of the five diagnostic questions:"
                  + " retrievalLatencyMeasured")
          .hasCount(1);
    }

    @Test
    void shouldCountNoGpusAsAnAnswer() {
      Fixtures.replaceOnce(
          file(APRIL),
          "    gpuUtilisationPct: 52\n    retrieval",
          "    gpuUtilisationPct: null\n    retrieval");

      assertThat(Fixtures.only("assessment-diagnostics-missing").validate(repo))
          .doesNotContainRule("assessment-diagnostics-missing");
    }

    @Test
    void shouldReportAnAgenticPilotWithoutApiOrchestration() {
      Fixtures.replaceOnce(file(APRIL), "    apiOrchestration: true\n", "");

      assertThat(Fixtures.only("agentic-not-ready").validate(repo))
          .containsRule("agentic-not-ready")
          .withSeverity(Severity.ERROR)
          .inFile("use-cases/agentic-dispatch-assistant.yaml")
          .withMessageContaining("no API orchestration recorded in assessment-2027-04")
          .hasCount(1);
    }
  }

  @Nested
  class GovernanceRules {

    @Test
    void shouldReportReviewsLessOftenThanQuarterlyAndUpdatesLessOftenThanSemiAnnually() {
      Fixtures.replaceOnce(file(GOVERNANCE), "review: quarterly", "review: semi-annual");
      Fixtures.replaceOnce(file(GOVERNANCE), "update: semi-annual", "update: annual");
      Position review = Fixtures.positionOf(file(GOVERNANCE), "review: semi-annual");

      assertThat(Fixtures.only("review-cadence").validate(repo))
          .containsRule("review-cadence")
          .withSeverity(Severity.WARNING)
          .hasCount(2);
      assertThat(Fixtures.only("review-cadence").validate(repo))
          .containsRule("review-cadence")
          .at(review.line(), review.column() + "review: ".length())
          .withMessageContaining("reviews the roadmap semi-annual, less often than quarterly")
          .hasCount(1);
    }

    @Test
    void shouldReportABoardThatReviewsNothing() {
      Fixtures.replaceOnce(
          file(GOVERNANCE), "approvalThreshold: 100000", "approvalThreshold: 250000");
      Position at = Fixtures.positionOf(file(GOVERNANCE), "approvalThreshold: 250000");

      assertThat(Fixtures.only("review-board-toothless").validate(repo))
          .containsRule("review-board-toothless")
          .withSeverity(Severity.WARNING)
          .at(at.line(), at.column() + "approvalThreshold: ".length())
          .withMessageContaining(
              "approval threshold 250000 is above every initiative (largest:"
                  + " i-priority-etl-rollout, 220000) while the programme budget is 1800000")
          .hasCount(1);
    }

    @Test
    void shouldReportABoardOfOne() {
      Fixtures.replaceOnce(
          file(GOVERNANCE),
          "      - Finance Director (CFO delegate)\n      - Head of Data Platform\n"
              + "      - Lead Infrastructure Architect\n      - Information Security Officer\n"
              + "      - Head of Transport Operations\n",
          "");

      assertThat(Fixtures.only("review-board-toothless").validate(repo))
          .containsRule("review-board-toothless")
          .withMessageContaining("has 1 member(s); a review needs at least 2")
          .hasCount(1);
    }
  }
}
