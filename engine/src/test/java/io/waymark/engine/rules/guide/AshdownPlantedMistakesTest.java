package io.waymark.engine.rules.guide;

import static io.waymark.engine.rules.guide.PlantedMistake.mistake;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guide's mistakes, planted one at a time in copies of the second example repository ({@code
 * examples/ashdown-health}, a hospital group written independently of {@code example-roadmap/}).
 * The clean copy has no finding at all, so each mistake must raise exactly the rule meant for it
 * (and, where listed, the findings that follow from it by construction), and nothing else.
 */
class AshdownPlantedMistakesTest {

  private static final String EXAMPLE = "ashdown-health";
  private static final LocalDate AS_OF = LocalDate.of(2027, 10, 15);
  private static final String ROADMAP = "roadmap.yaml";
  private static final String METRICS = "metrics/executive-dashboard.yaml";
  private static final String GOVERNANCE = "governance.yaml";
  private static final String AUGUST = "assessment/2027-08-assessment.yaml";
  private static final String DATA_PLATFORM = "vendors/clinical-data-platform.yaml";
  private static final String GPU_CLOUD = "vendors/gpu-cloud.yaml";
  private static final String CLOUD_CASE = "business-cases/cloud-inference.yaml";

  @TempDir Path repo;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake(
            "a two-year plan, its last two increments empty",
            "roadmap-horizon",
            List.of("milestone-cadence"),
            ROADMAP,
            "horizonMonths: 18",
            "horizonMonths: 24"),
        mistake("phases overlap", "phase-overlap", ROADMAP, "months: [7, 12]", "months: [6, 12]"),
        mistake(
            "envelope smaller than the plan",
            "budget-overrun",
            ROADMAP,
            "total: 2000000",
            "total: 1700000"),
        mistake(
            "reserve of 5 %",
            "contingency-range", ROADMAP, "contingency: 260000", "contingency: 100000"),
        mistake(
            "experiments eat the budget",
            "budget-split",
            ROADMAP,
            "category: quick-win\n          type: other\n",
            "category: experimentation\n          type: other\n"),
        mistake(
            "phase-1 gate tolerates 8 % downtime",
            "gate-weaker-than-guide",
            ROADMAP,
            // Weakened on purpose, description and target alike (else the description is out
            // of date too: criterion-description-mismatch).
            "less than 5 % downtime",
            "less than 8 % downtime",
            "operator: \"<\"\n            target: 5\n",
            "operator: \"<\"\n            target: 8\n"),
        mistake(
            "phase-2 gate asks for two production use cases",
            "gate-weaker-than-guide",
            ROADMAP,
            "Three or more use cases in production",
            "Two or more use cases in production",
            "fact: useCases.production\n            operator: \">=\"\n            target: 3",
            "fact: useCases.production\n            operator: \">=\"\n            target: 2"),
        mistake(
            "phase-3 gate without governance maturity",
            "gate-weaker-than-guide",
            ROADMAP,
            "          - id: gc-p3-governance-mature\n"
                + "            description: Governance maturity level 4\n"
                + "            metric: governance-maturity-level\n"
                + "            operator: \">=\"\n"
                + "            target: 4\n",
            ""),
        mistake(
            "vendor weights bent towards price",
            "vendor-method-changed",
            GPU_CLOUD,
            "technicalFit: 40\n    economics: 30",
            "technicalFit: 30\n    economics: 40"),
        mistake(
            "go threshold lowered to 75 %",
            "vendor-method-changed", DATA_PLATFORM, "go: 80", "go: 75"),
        mistake(
            "initiative picks the no-go vendor",
            "vendor-no-go-selected",
            ROADMAP,
            "vendor: v-tidewater-data",
            "vendor: v-brightline-analytics"),
        mistake(
            "board selects a vendor still in diligence",
            "vendor-no-go-selected",
            GOVERNANCE,
            "selects: [v-stratus-cloud]",
            "selects: [v-kelpie-compute]"),
        mistake(
            "go with one reference",
            "vendor-references",
            DATA_PLATFORM,
            "      references: 3\n      redFlags: []\n",
            "      references: 1\n      redFlags: []\n"),
        mistake(
            "decision that does not match the score",
            "vendor-decision-mismatch",
            GPU_CLOUD,
            "decision: diligence",
            "decision: no-go"),
        mistake(
            "buying while renting is cheaper",
            "ownership-below-threshold",
            CLOUD_CASE,
            "sourcing: rent",
            "sourcing: buy"),
        mistake(
            "renting past the ownership threshold",
            "bc-ownership-threshold",
            CLOUD_CASE,
            "cloudAnnualCost: 90000",
            "cloudAnnualCost: 160000"),
        mistake(
            "greenfield ring replacing four-year-old kit",
            "greenfield-unjustified",
            ROADMAP,
            "        - id: i-imaging-network-upgrade\n",
            "        - id: i-imaging-network-upgrade\n          site: greenfield\n          replacedAgeYears: 4\n"),
        mistake(
            "agent piloted without a knowledge layer",
            "agentic-not-ready",
            "use-cases/discharge-summary-agent.yaml",
            "status: idea",
            "status: pilot"),
        mistake(
            "dashboard of lagging indicators only",
            "metric-no-leading",
            METRICS,
            "    - data-pipeline-sla-pct\n    - trained-staff-pct\n    - milestone-completion-pct\n",
            "    - pilot-downtime-pct\n    - letter-coding-minutes\n"),
        mistake(
            "dashboard of leading indicators only",
            "metric-no-lagging",
            METRICS,
            "    - cost-per-inference\n    - time-to-deploy-days\n    - pilot-to-production-pct\n",
            "    - imaging-retrieval-p95-ms\n    - data-prep-hours-per-week\n"),
        mistake(
            "dashboard metric without a baseline",
            "metric-no-baseline",
            METRICS,
            "      baseline: 10\n",
            ""),
        mistake(
            "production use case nobody measures",
            "use-case-unmeasured",
            "use-cases/lab-result-flagging.yaml",
            "  metrics:\n    - data-pipeline-sla-pct\n    - time-to-deploy-days\n",
            "  metrics: []\n"),
        mistake(
            "milestone with nothing to deliver",
            "milestone-no-deliverable",
            ROADMAP,
            "          deliverables:\n            - Gate evidence pack for the review board\n",
            ""),
        mistake(
            "hard, low-value work first",
            "priority-inverted",
            ROADMAP,
            "impact: 4\n          effort: 1",
            "impact: 2\n          effort: 5"),
        mistake(
            "diagnostic question left open",
            "assessment-diagnostics-missing",
            AUGUST,
            "    retrievalLatencyMeasured: true\n",
            ""),
        mistake(
            "annual reviews", "review-cadence", GOVERNANCE, "review: quarterly", "review: annual"),
        mistake(
            "threshold above every initiative",
            "review-board-toothless",
            GOVERNANCE,
            "approvalThreshold: 150000",
            "approvalThreshold: 300000"),
        mistake(
            "no pipeline work in phase 1",
            "pitfall-data-readiness",
            ROADMAP,
            "constraint-removal\n          type: data-pipeline\n          constraint: c-manual-extracts",
            "constraint-removal\n          type: other\n          constraint: c-manual-extracts"),
        mistake(
            "GPUs bought before any utilisation",
            "pitfall-premature-gpu",
            List.of("ownership-below-threshold"),
            ROADMAP,
            "type: cloud-compute",
            "type: gpu-purchase"),
        mistake(
            "top constraint of the re-assessment left alone",
            "constraints-unaddressed",
            ROADMAP,
            "constraint: c-skills-shortage",
            "constraint: c-winter-demand"),
        mistake(
            "gate passed without a decision date",
            "gate-evidence-missing",
            ROADMAP,
            "        decidedOn: 2027-08-27\n",
            ""),
        mistake(
            "gate passed on a missed criterion",
            "gate-criteria-unmet",
            METRICS,
            "{date: 2027-07-31, value: 3.6}",
            "{date: 2027-07-31, value: 5.6}"),
        mistake(
            "milestone overdue",
            "milestone-overdue",
            ROADMAP,
            "due: 2027-11-05",
            "due: 2027-10-08"),
        mistake(
            "milestone outside its phase",
            "milestone-outside-phase",
            ROADMAP,
            "due: 2028-05-26",
            "due: 2027-12-03"),
        mistake(
            "a 90-day increment without a milestone",
            "milestone-cadence",
            ROADMAP,
            "due: 2028-04-28",
            "due: 2028-06-09",
            "due: 2028-05-26",
            "due: 2028-06-16"),
        mistake(
            "dashboard of four",
            "dashboard-size",
            METRICS,
            "    - trained-staff-pct\n    - milestone-completion-pct\n",
            ""),
        mistake(
            "two milestones, one id",
            "duplicate-id",
            ROADMAP,
            "id: ms-ward-edge-readout",
            "id: ms-autoscaling-live"),
        mistake(
            "dependency that is not there",
            "ref-unresolved",
            ROADMAP,
            "dependsOn: [i-research-environment]",
            "dependsOn: [i-research-enviroment]"),
        mistake(
            "approval names an unrecorded decision",
            "decision-unknown",
            "business-cases/workforce-skills.yaml",
            "decision: dec-bc-workforce-skills",
            "decision: dec-bc-workforce-skill"),
        mistake(
            "declared payback too good",
            "bc-financials-mismatch",
            "business-cases/clinical-extracts.yaml",
            "paybackMonths: 20",
            "paybackMonths: 12"),
        mistake(
            "metric no longer updated",
            "metric-stale",
            METRICS,
            "        - {date: 2027-08-31, value: 29}\n        - {date: 2027-09-30, value: 33}\n",
            ""),
        mistake(
            "cost target of 14 %",
            "metric-target-unambitious", METRICS, "        value: 3.80\n", "        value: 5.50\n"),
        mistake(
            "next phase started before its gate",
            "phase-started-before-gate",
            ROADMAP,
            "        status: passed\n",
            "        status: pending\n"));
  }

  @Test
  void shouldFindNothingInTheCleanCopy() {
    Fixtures.copyExample(EXAMPLE, repo);

    assertThat(validate().findings()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void shouldCatchEachPlantedMistakeWithItsRuleAndNothingElse(String name, PlantedMistake mistake) {
    mistake.plantIn(Fixtures.copyExample(EXAMPLE, repo));

    assertThat(PlantedMistake.ruleIds(validate().findings()))
        .as("rules raised by '%s'", name)
        .isEqualTo(mistake.expectedRuleIds());
  }

  @Test
  void shouldPlantAtLeastThirtyDistinctMistakes() {
    List<PlantedMistake> all = mistakes().map(a -> (PlantedMistake) a.get()[1]).toList();

    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    assertThat(all.stream().map(PlantedMistake::name).distinct()).hasSameSizeAs(all);
  }

  private ValidationResult validate() {
    return Fixtures.validate(repo, AS_OF);
  }
}
