package io.waymark.engine.rules.gate;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.gate.GateEvidenceMissingRuleTest.valueOf;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateUnmeasurableRuleTest {

  private static final String RULE = "gate-unmeasurable";

  @TempDir Path dir;

  @Test
  void shouldReportAnUnknownFact() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "fact: milestones.completionPct", "fact: milestones.donePct");
    Position fact = valueOf(roadmap, "fact: milestones.donePct");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("roadmap.yaml")
        .at(fact.line(), fact.column())
        .withMessageContaining("'milestones.donePct', which is not a fact Waymark knows")
        .hasCount(1);
  }

  /** The governance metric (phase 3 gate, due 30 June 2028) with its series emptied. */
  private Path governanceWithoutData(boolean keepBaseline) {
    Path root = Fixtures.copyExample(dir);
    Path metrics = root.resolve("metrics/executive-dashboard.yaml");
    Fixtures.replaceOnce(
        metrics,
        """
              series:
                - {date: 2026-12-31, value: 1}
                - {date: 2027-03-31, value: 2}
        """,
        "      series: []\n");
    if (!keepBaseline) {
      Fixtures.replaceOnce(metrics, "      baseline: 1\n", "");
    }
    return root;
  }

  @Test
  void shouldCountTheBaselineAsTheFirstReading() {
    governanceWithoutData(true);

    assertThat(Fixtures.only(RULE).validate(dir, LocalDate.of(2028, 6, 1)))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldNotJudgeAGateDueInMoreThanNinetyDaysForLackOfData() {
    governanceWithoutData(false);

    // As of 14 May 2027 the phase-3 gate is more than a year away.
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportAMetricWithoutDataOnceItsGateIsDueWithinNinetyDays() {
    Path root = governanceWithoutData(false);
    Position metric = valueOf(root.resolve("roadmap.yaml"), "metric: governance-maturity-level");

    assertThat(Fixtures.only(RULE).validate(dir, LocalDate.of(2028, 4, 15)))
        .containsRule(RULE)
        .inFile("roadmap.yaml")
        .at(metric.line(), metric.column())
        .withMessageContaining(
            "governance-maturity-level, which has neither a baseline nor data points")
        .hasCount(1);
  }

  @Test
  void shouldReportAMissingTarget() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap,
        "metric: data-pipeline-sla-pct\n            operator: \">\"\n            target: 99\n",
        "metric: data-pipeline-sla-pct\n            operator: \">\"\n");
    Position operator = valueOf(roadmap, "operator: \">\"\n          - id: gc-p2-team-trained");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .at(operator.line(), operator.column())
        .withMessageContaining(
            "criterion gc-p2-pipeline-sla compares with operator > but has no target")
        .hasCount(1);
  }

  @Test
  void shouldLeaveAnUnknownMetricToRefUnresolved() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap,
        "fact: metrics.cost-per-inference.changePct",
        "fact: metrics.cost-per-inferense.changePct");

    assertThat(Fixtures.only(RULE, "ref-unresolved").validate(dir))
        .doesNotContainRule(RULE)
        .containsRule("ref-unresolved");
  }

  @Test
  void shouldAcceptTheCriteriaOfTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
