package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.guide.PlantedMistake.mistake;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guide's mistakes, planted one at a time in copies of the clean example roadmap: each must be
 * caught by the rule meant for it. Data-driven: a {@link PlantedMistake} is a file and one or more
 * (from, to) edits. {@link AshdownPlantedMistakesTest} does the same in the second example.
 */
class PlantedMistakesTest {

  private static final String ROADMAP = "roadmap.yaml";
  private static final String METRICS = "metrics/executive-dashboard.yaml";
  private static final String GOVERNANCE = "governance.yaml";
  private static final String APRIL = "assessment/2027-04-assessment.yaml";

  @TempDir Path repo;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake(
            "horizon of two years",
            "roadmap-horizon",
            ROADMAP,
            "horizonMonths: 18",
            "horizonMonths: 30"),
        mistake("overlapping phases", "phase-overlap", ROADMAP, "months: [4, 9]", "months: [3, 9]"),
        mistake(
            "initiatives overrun the budget",
            "budget-overrun",
            ROADMAP,
            "total: 1800000",
            "total: 1400000"),
        mistake(
            "contingency of 5 %",
            "contingency-range", ROADMAP, "contingency: 270000", "contingency: 90000"),
        mistake(
            "phase-1 gate tolerates 7.5 % downtime",
            "gate-weaker-than-guide",
            ROADMAP,
            "operator: \"<\"\n            target: 5\n",
            "operator: \"<\"\n            target: 7.5\n"),
        mistake(
            "phase-2 gate asks for two production use cases",
            "gate-weaker-than-guide",
            ROADMAP,
            "fact: useCases.production\n            operator: \">=\"\n            target: 3",
            "fact: useCases.production\n            operator: \">=\"\n            target: 2"),
        mistake(
            "vendor weights bent towards price",
            "vendor-method-changed",
            "vendors/gpu-cloud-capacity.yaml",
            "technicalFit: 40\n    economics: 30",
            "technicalFit: 20\n    economics: 50"),
        mistake(
            "initiative picks the no-go vendor",
            "vendor-no-go-selected",
            ROADMAP,
            "vendor: v-nimbus-gpu",
            "vendor: v-voltaic-compute"),
        mistake(
            "board approves a vendor still in diligence",
            "vendor-no-go-selected",
            GOVERNANCE,
            "selects: [v-nimbus-gpu]",
            "selects: [v-helio-cloud]"),
        mistake(
            "buying while the cloud is cheaper",
            "ownership-below-threshold",
            "business-cases/inference-economics.yaml",
            "sourcing: hybrid",
            "sourcing: buy"),
        mistake(
            "greenfield factory replacing 3-year-old kit",
            "greenfield-unjustified",
            ROADMAP,
            "        - id: i-edge-cold-chain-experiment\n",
            "        - id: i-edge-cold-chain-experiment\n          site: greenfield\n"
                + "          replacedAgeYears: 3\n"),
        mistake(
            "dashboard of lagging indicators only",
            "metric-no-leading",
            METRICS,
            "    - data-pipeline-sla-pct\n    - gpu-utilisation-pct\n    - trained-staff-pct\n"
                + "    - milestone-completion-pct\n",
            "    - pilot-downtime-pct\n    - exception-handling-minutes\n"),
        mistake(
            "dashboard of leading indicators only",
            "metric-no-lagging",
            METRICS,
            "    - cost-per-inference\n    - time-to-deploy-days\n    - pilot-to-production-pct\n",
            "    - retrieval-latency-p95-ms\n"),
        mistake(
            "dashboard metric without baseline",
            "metric-no-baseline",
            METRICS,
            "      baseline: 60\n",
            ""),
        mistake(
            "production use case nobody measures",
            "use-case-unmeasured",
            "use-cases/eta-prediction.yaml",
            "  metrics:\n    - retrieval-latency-p95-ms\n    - cost-per-inference\n"
                + "    - pilot-downtime-pct\n",
            ""),
        mistake(
            "milestone with nothing to deliver",
            "milestone-no-deliverable",
            ROADMAP,
            "          deliverables:\n"
                + "            - API gateway with per-agent quotas and per-task cost guardrails\n"
                + "            - Kubernetes serving layer spanning on-premises and cloud GPUs\n",
            ""),
        mistake(
            "hard, low-value work first",
            "priority-inverted",
            ROADMAP,
            "impact: 4\n          effort: 1",
            "impact: 1\n          effort: 5"),
        mistake(
            "diagnostic question left open",
            "assessment-diagnostics-missing",
            APRIL,
            "    retrievalLatencyMeasured: true\n",
            ""),
        mistake(
            "agent without API orchestration",
            "agentic-not-ready",
            APRIL,
            "    apiOrchestration: true\n",
            ""),
        mistake(
            "agent on a slow network",
            "agentic-not-ready",
            APRIL,
            "p95LatencyMs: 86",
            "p95LatencyMs: 140"),
        mistake(
            "annual reviews", "review-cadence", GOVERNANCE, "review: quarterly", "review: annual"),
        mistake(
            "threshold above every initiative",
            "review-board-toothless",
            GOVERNANCE,
            "approvalThreshold: 100000",
            "approvalThreshold: 250000"),
        mistake(
            "no pipeline work in phase 1",
            "pitfall-data-readiness",
            ROADMAP,
            "constraint-removal\n          type: data-pipeline\n          constraint: c-manual-pipelines",
            "constraint-removal\n          type: network\n          constraint: c-manual-pipelines"),
        mistake(
            "GPUs bought at 52 % utilisation",
            "pitfall-premature-gpu",
            ROADMAP,
            "constraint-removal\n          type: cloud-compute\n          constraint: c-peak-capacity",
            "constraint-removal\n          type: gpu-purchase\n          constraint: c-peak-capacity"),
        mistake(
            "top constraint of the re-assessment left alone",
            "constraints-unaddressed",
            ROADMAP,
            "constraint: c-data-quality",
            "constraint: c-wan-headroom"),
        mistake(
            "gate passed without a decision date",
            "gate-evidence-missing",
            ROADMAP,
            "        decidedOn: 2027-03-31\n",
            ""),
        mistake(
            "milestone overdue",
            "milestone-overdue",
            ROADMAP,
            "due: 2027-06-25",
            "due: 2027-05-01"),
        mistake(
            "milestone outside its phase",
            "milestone-outside-phase",
            ROADMAP,
            "due: 2027-01-29",
            "due: 2027-05-28"),
        mistake(
            "dashboard of four",
            "dashboard-size",
            METRICS,
            "    - data-pipeline-sla-pct\n    - gpu-utilisation-pct\n    - trained-staff-pct\n",
            ""),
        mistake(
            "two milestones, one id",
            "duplicate-id",
            ROADMAP,
            "id: ms-cost-per-inference-baseline",
            "id: ms-readiness-scorecard"),
        mistake(
            "business case that is not there",
            "ref-unresolved",
            ROADMAP,
            "businessCase: bc-pipeline-automation",
            "businessCase: bc-pipeline-automaton"),
        mistake(
            "renting past the ownership threshold",
            "bc-ownership-threshold",
            "business-cases/inference-economics.yaml",
            "sourcing: hybrid",
            "sourcing: rent",
            "cloudAnnualCost: 150000",
            "cloudAnnualCost: 250000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void shouldCatchEachPlantedMistakeWithTheIntendedRule(String name, PlantedMistake mistake) {
    mistake.plantIn(Fixtures.copyExample(repo));

    assertThat(Fixtures.validate(repo)).containsRule(mistake.rule());
  }
}
