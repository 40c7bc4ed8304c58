package io.waymark.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.waymark.engine.Fixtures;
import io.waymark.engine.gate.CriterionResult.State;
import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate verdicts on the example roadmap, with the numbers read off its YAML by hand. */
class GateEvaluatorTest {

  private static final Plan PLAN = ExamplePlan.example();
  private static final LocalDate GATE_1 = LocalDate.of(2027, 3, 31);

  @TempDir Path dir;

  @Test
  void shouldEvaluateEveryPhaseGateAtItsDecisionDateOrAtAsOf() {
    List<GateEvaluation> all = GateEvaluator.evaluate(PLAN, Fixtures.AS_OF);

    assertThat(all)
        .extracting(GateEvaluation::phaseId, GateEvaluation::gateId, GateEvaluation::evaluatedOn)
        .containsExactly(
            tuple("phase-assess-stabilise", "gate-assess-stabilise", GATE_1),
            tuple("phase-build-foundations", "gate-build-foundations", Fixtures.AS_OF),
            tuple("phase-scale-optimise", "gate-scale-optimise", Fixtures.AS_OF));
    assertThat(all.get(0).status()).isEqualTo(Gate.Status.PASSED);
  }

  @Test
  void shouldFindThePassedPhaseOneGateMetWithOneWaivedCriterion() {
    GateEvaluation gate = GateEvaluator.evaluate(PLAN, Fixtures.AS_OF).get(0);

    assertThat(gate.criteria())
        .extracting(CriterionResult::id, CriterionResult::state)
        .containsExactly(
            tuple("gc-p1-pilot-downtime", State.MET),
            tuple("gc-p1-cost-measured", State.MET),
            tuple("gc-p1-milestones", State.MET),
            tuple("gc-p1-retrieval-latency", State.WAIVED));
    assertThat(gate.satisfied()).isTrue();

    CriterionResult downtime = gate.criteria().get(0);
    assertThat(downtime.actual()).contains(new BigDecimal("3.2"));
    assertThat(downtime.observedOn()).contains(GATE_1);
    assertThat(downtime.operator()).isEqualTo("<");
    assertThat(downtime.target()).contains(new BigDecimal("5"));
    assertThat(downtime.explanation()).isEqualTo("pilot-downtime-pct 3.2 < 5 on 2027-03-31");

    CriterionResult latency = gate.criteria().get(3);
    assertThat(latency.actual()).contains(new BigDecimal("112"));
    assertThat(latency.explanation())
        .isEqualTo(
            "retrieval-latency-p95-ms 112 is not < 100 on 2027-03-31;"
                + " waived by decision dec-waive-p1-retrieval-latency");
  }

  @Test
  void shouldJudgeThePendingGatesByTheDataAtAsOf() {
    List<GateEvaluation> all = GateEvaluator.evaluate(PLAN, Fixtures.AS_OF);

    assertThat(all.get(1).criteria())
        .extracting(CriterionResult::state, CriterionResult::explanation)
        .containsExactly(
            tuple(State.MET, "useCases.production 3 (3 use cases in production) ≥ 3 on 2027-05-14"),
            tuple(State.NOT_MET, "data-pipeline-sla-pct 97.8 is not > 99 on 2027-04-30"),
            tuple(State.NOT_MET, "trained-staff-pct 30 is not ≥ 80 on 2027-04-30"));
    assertThat(all.get(1).satisfied()).isFalse();
    assertThat(all.get(2).criteria())
        .extracting(CriterionResult::state, CriterionResult::explanation)
        .containsExactly(
            tuple(
                State.NOT_MET,
                "useCases.production 3 (3 use cases in production) is not ≥ 10 on 2027-05-14"),
            tuple(
                State.NO_DATA,
                "businessCases.realisedPositiveRoi has no value on 2027-05-14 (not measurable:"
                    + " none of 6 approved business cases records realised benefits and actual"
                    + " costs (spec.realised) on or before 2027-05-14)"),
            tuple(
                State.NOT_MET,
                "metrics.cost-per-inference.changePct -12.29 (cost-per-inference 4.21 against"
                    + " baseline 4.8) is not ≤ -40 on 2027-04-30"),
            tuple(State.NOT_MET, "governance-maturity-level 2 is not ≥ 4 on 2027-03-31"));
  }

  @Test
  void shouldNotLetLaterDataRescueAnEarlierDecision() {
    Fixtures.copyExample(dir);
    // Decided on 2027-02-28, when downtime was 6.1; the 3.2 of March came too late.
    Fixtures.replaceOnce(
        dir.resolve("roadmap.yaml"), "decidedOn: 2027-03-31", "decidedOn: 2027-02-28");

    GateEvaluation gate = GateEvaluator.evaluate(ExamplePlan.load(dir), Fixtures.AS_OF).get(0);

    assertThat(gate.evaluatedOn()).isEqualTo(LocalDate.of(2027, 2, 28));
    CriterionResult downtime = gate.criteria().get(0);
    assertThat(downtime.state()).isEqualTo(State.NOT_MET);
    assertThat(downtime.actual()).contains(new BigDecimal("6.1"));
    assertThat(downtime.explanation()).isEqualTo("pilot-downtime-pct 6.1 is not < 5 on 2027-02-28");
    // Milestones: only ms-readiness-scorecard and ms-cost-per-inference-baseline were done: 50 %.
    assertThat(gate.criteria().get(2).state()).isEqualTo(State.NOT_MET);
    assertThat(gate.criteria().get(2).actual()).contains(new BigDecimal("50.000000"));
  }

  @Test
  void shouldNotLetLaterDataCondemnAnEarlierDecision() {
    Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        dir.resolve("metrics/executive-dashboard.yaml"),
        "{date: 2027-04-30, value: 2.4}",
        "{date: 2027-04-30, value: 12.4}");

    GateEvaluation gate = GateEvaluator.evaluate(ExamplePlan.load(dir), Fixtures.AS_OF).get(0);

    assertThat(gate.criteria().get(0).state()).isEqualTo(State.MET);
    assertThat(gate.criteria().get(0).actual()).contains(new BigDecimal("3.2"));
  }

  @Test
  void shouldCountTheBaselineAsTheFirstReadingOfAMeasuredMetric() {
    GateEvaluator evaluator = new GateEvaluator(PLAN);
    Phase first = ExamplePlan.phase(PLAN, "phase-assess-stabilise");
    Gate.Criterion measured = criterion("cost-per-inference", null, "measured", null);

    CriterionResult before = evaluator.evaluate(measured, first, LocalDate.of(2027, 2, 27));
    CriterionResult after = evaluator.evaluate(measured, first, LocalDate.of(2027, 2, 28));

    assertThat(before.state()).isEqualTo(State.MET);
    assertThat(before.explanation())
        .isEqualTo("cost-per-inference measured: 4.8 (baseline, no reading yet)");
    assertThat(after.state()).isEqualTo(State.MET);
    assertThat(after.explanation()).isEqualTo("cost-per-inference measured: 4.8 on 2027-02-28");
  }

  @Test
  void shouldCallACriterionUnmeasurableWhenItCanNeverBeJudged() {
    GateEvaluator evaluator = new GateEvaluator(PLAN);
    Phase first = ExamplePlan.phase(PLAN, "phase-assess-stabilise");

    assertThat(evaluator.evaluate(criterion(null, "useCases.pilots", ">=", "3"), first, GATE_1))
        .satisfies(r -> assertThat(r.state()).isEqualTo(State.UNMEASURABLE))
        .satisfies(
            r -> assertThat(r.explanation()).isEqualTo("'useCases.pilots' is not a known fact"));
    assertThat(evaluator.evaluate(criterion("pilot-downtime-pct", null, "<", null), first, GATE_1))
        .satisfies(r -> assertThat(r.state()).isEqualTo(State.UNMEASURABLE))
        .satisfies(
            r ->
                assertThat(r.explanation())
                    .isEqualTo("operator < needs a target and there is none"));
    assertThat(
            evaluator.evaluate(criterion("no-such-metric", null, "<", "5"), first, GATE_1).state())
        .isEqualTo(State.UNMEASURABLE);
    assertThat(
            evaluator
                .evaluate(
                    criterion(null, "metrics.no-such-metric.changePct", "<=", "-40"), first, GATE_1)
                .state())
        .isEqualTo(State.UNMEASURABLE);
  }

  @Test
  void shouldCallAMetricWithoutAnyDataUnmeasurable() {
    Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        dir.resolve("metrics/executive-dashboard.yaml"),
        """
              series:
                - {date: 2026-12-31, value: 1}
                - {date: 2027-03-31, value: 2}
        """,
        "      series: []\n");
    Fixtures.replaceOnce(
        dir.resolve("metrics/executive-dashboard.yaml"), "      baseline: 1\n", "");
    Plan plan = ExamplePlan.load(dir);

    GateEvaluation third = GateEvaluator.evaluate(plan, Fixtures.AS_OF).get(2);

    assertThat(third.criteria().get(3).state()).isEqualTo(State.UNMEASURABLE);
    assertThat(third.criteria().get(3).explanation())
        .isEqualTo("metric governance-maturity-level has neither a baseline nor data points");
  }

  @Test
  void shouldReportNoDataForAFactWithoutValueAndWaiveItWhenTheCriterionIsWaived() {
    GateEvaluator evaluator = new GateEvaluator(PLAN);
    Phase first = ExamplePlan.phase(PLAN, "phase-assess-stabilise");
    LocalDate early = LocalDate.of(2026, 1, 1);
    Gate.Criterion plain = criterion(null, "useCases.pilotToProductionPct", ">", "30");
    Gate.Criterion waived =
        waivedBy(plain, new Gate.Waiver("dec-x", "accepted", Anchor.ofFile("roadmap.yaml")));

    assertThat(evaluator.evaluate(plain, first, early).state()).isEqualTo(State.NO_DATA);
    assertThat(evaluator.evaluate(waived, first, early).state()).isEqualTo(State.WAIVED);
    // A waived criterion that is met anyway reads as met.
    assertThat(evaluator.evaluate(waived, first, Fixtures.AS_OF).state()).isEqualTo(State.MET);
  }

  @Test
  void shouldApplyATimeBoxedWaiverOnlyUntilItsExpiryDate() {
    GateEvaluator evaluator = new GateEvaluator(PLAN);
    Phase first = ExamplePlan.phase(PLAN, "phase-assess-stabilise");
    LocalDate early = LocalDate.of(2026, 1, 1);
    Gate.Criterion plain = criterion(null, "useCases.pilotToProductionPct", ">", "30");
    Gate.Criterion waived =
        waivedBy(
            plain,
            new Gate.Waiver(
                "dec-x", "accepted", Optional.of(early), Anchor.ofFile("roadmap.yaml")));

    // The last day it applies, it still applies.
    assertThat(evaluator.evaluate(waived, first, early).state()).isEqualTo(State.WAIVED);
    CriterionResult later = evaluator.evaluate(waived, first, early.plusDays(1));
    assertThat(later.state()).isEqualTo(State.NO_DATA);
    assertThat(later.explanation())
        .endsWith("; the waiver by decision dec-x expired on 2026-01-01");
    // Judged alone, the waiver plays no part.
    assertThat(evaluator.judge(waived, first, early).state()).isEqualTo(State.NO_DATA);
  }

  @Test
  void shouldCompareEqualityNumerically() {
    GateEvaluator evaluator = new GateEvaluator(PLAN);
    Phase first = ExamplePlan.phase(PLAN, "phase-assess-stabilise");

    CriterionResult r =
        evaluator.evaluate(criterion("pilot-downtime-pct", null, "==", "3.20"), first, GATE_1);

    assertThat(r.state()).isEqualTo(State.MET);
    assertThat(r.explanation()).isEqualTo("pilot-downtime-pct 3.2 = 3.2 on 2027-03-31");
  }

  @Test
  void shouldDecideEachOperatorExactlyAtItsTarget() {
    BigDecimal ten = new BigDecimal("10");
    BigDecimal tenAgain = new BigDecimal("10.00");
    BigDecimal above = new BigDecimal("10.01");

    assertThat(GateEvaluator.compare(tenAgain, "<", ten)).isFalse();
    assertThat(GateEvaluator.compare(tenAgain, "<=", ten)).isTrue();
    assertThat(GateEvaluator.compare(tenAgain, ">", ten)).isFalse();
    assertThat(GateEvaluator.compare(tenAgain, ">=", ten)).isTrue();
    assertThat(GateEvaluator.compare(tenAgain, "==", ten)).isTrue();
    assertThat(GateEvaluator.compare(above, ">", ten)).isTrue();
    assertThat(GateEvaluator.compare(above, "<=", ten)).isFalse();
    assertThat(GateEvaluator.compare(ten, "<", above)).isTrue();
    assertThat(GateEvaluator.compare(above, ">=", ten)).isTrue();
    assertThat(GateEvaluator.compare(ten, "between", ten)).isFalse();
  }

  private static Gate.Criterion criterion(String metric, String fact, String op, String target) {
    return new Gate.Criterion(
        "gc-test",
        "test",
        Optional.ofNullable(metric),
        Optional.ofNullable(fact),
        op,
        Optional.ofNullable(target).map(BigDecimal::new),
        Optional.empty(),
        Anchor.ofFile("roadmap.yaml"));
  }

  /** The criterion with a waiver attached, everything else as it is. */
  private static Gate.Criterion waivedBy(Gate.Criterion c, Gate.Waiver waiver) {
    return new Gate.Criterion(
        c.id(),
        c.description(),
        c.metric(),
        c.fact(),
        c.operator(),
        c.target(),
        Optional.of(waiver),
        c.at());
  }
}
