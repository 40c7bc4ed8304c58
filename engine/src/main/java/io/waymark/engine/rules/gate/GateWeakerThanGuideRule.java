package io.waymark.engine.rules.gate;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.gate.Facts;
import io.waymark.engine.gate.Measure;
import io.waymark.engine.model.Deviation;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The gates of a three-phase plan are at least as strict as the guide's, unless the gate records a
 * deviation approved by the board.
 */
public final class GateWeakerThanGuideRule implements Rule {

  /** How a guide threshold bounds the measured value. */
  enum Bound {
    /** value below the threshold. */
    BELOW,
    /** value above the threshold. */
    ABOVE,
    /** a whole count at or above the threshold. */
    AT_LEAST_COUNT,
    /** measured at all; no threshold. */
    PRESENT
  }

  /** One condition of a guide gate. */
  record Requirement(Measure measure, Bound bound, BigDecimal threshold, String text) {

    /** True when a criterion with {@code operator} and {@code target} is at least as strict. */
    boolean metBy(String operator, Optional<BigDecimal> target, boolean countFact) {
      if (bound == Bound.PRESENT) {
        return true;
      }
      if (target.isEmpty()) {
        return false;
      }
      BigDecimal t = target.get();
      Bound b = bound;
      BigDecimal limit = threshold;
      if (measure == Measure.ROI && countFact) {
        b = Bound.AT_LEAST_COUNT; // businessCases.approvedPositiveRoi counts cases
        limit = BigDecimal.ONE;
      }
      return switch (b) {
        case BELOW ->
            ("<".equals(operator) && t.compareTo(limit) <= 0)
                || (("<=".equals(operator) || "==".equals(operator)) && t.compareTo(limit) < 0);
        case ABOVE ->
            (">".equals(operator) && t.compareTo(limit) >= 0)
                || ((">=".equals(operator) || "==".equals(operator)) && t.compareTo(limit) > 0);
        case AT_LEAST_COUNT ->
            ((">=".equals(operator) || "==".equals(operator)) && t.compareTo(limit) >= 0)
                || (">".equals(operator) && t.compareTo(limit.subtract(BigDecimal.ONE)) >= 0);
        case PRESENT -> true;
      };
    }
  }

  /** Phase 1: pilots run with under 5 % downtime; cost per inference is measured. */
  static final List<Requirement> PHASE_1 =
      List.of(
          new Requirement(
              Measure.PILOT_DOWNTIME, Bound.BELOW, BigDecimal.valueOf(5), "pilot downtime < 5%"),
          new Requirement(
              Measure.COST_PER_INFERENCE,
              Bound.PRESENT,
              BigDecimal.ZERO,
              "cost per inference measured"));

  /** Phase 2: 3+ use cases in production, data-pipeline SLA over 99 %, team trained. */
  static final List<Requirement> PHASE_2 =
      List.of(
          new Requirement(
              Measure.PRODUCTION_USE_CASES,
              Bound.AT_LEAST_COUNT,
              BigDecimal.valueOf(3),
              ">= 3 use cases in production"),
          new Requirement(
              Measure.PIPELINE_SLA, Bound.ABOVE, BigDecimal.valueOf(99), "data-pipeline SLA > 99%"),
          new Requirement(
              Measure.STAFF_TRAINED,
              Bound.PRESENT,
              BigDecimal.ZERO,
              "team trained on the new stack"));

  /** Phase 3: 10+ production use cases, positive ROI demonstrated, governance mature. */
  static final List<Requirement> PHASE_3 =
      List.of(
          new Requirement(
              Measure.PRODUCTION_USE_CASES,
              Bound.AT_LEAST_COUNT,
              BigDecimal.TEN,
              ">= 10 use cases in production"),
          new Requirement(Measure.ROI, Bound.ABOVE, BigDecimal.ZERO, "positive ROI demonstrated"),
          new Requirement(
              Measure.GOVERNANCE_MATURITY,
              Bound.PRESENT,
              BigDecimal.ZERO,
              "governance processes mature"));

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "gate-weaker-than-guide",
          Severity.WARNING,
          "gates",
          "A phase gate of a three-phase plan lacks, or sets a weaker threshold than, a"
              + " condition of the guide's gate, without an approved deviation.",
          """
          The guide defines a success gate for each phase. Phase 1: "Pilots running reliably
          with less than 5% downtime and cost per inference measured. If you can't meet this
          gate, you're not ready for Phase 2." Phase 2: "Three or more use cases running in
          production, data pipeline SLA above 99%, and team trained on new stack." Phase 3:
          "10 or more production use cases, positive ROI demonstrated, and governance
          processes mature." A gate that leaves a condition out, or lowers its bar, lets the
          next phase start on a foundation that was never proven.

          Waymark knows what a criterion measures from a closed vocabulary: the metric's
          `measures:` field (pilot-downtime, cost-per-inference, pipeline-sla, staff-trained,
          production-use-cases, roi, governance-maturity, time-to-deploy, pilot-to-production,
          milestone-completion), the facts `useCases.production` (production-use-cases) and
          `businessCases.approvedPositiveRoi` (roi, a count of cases: at least 1), and the
          well-known metric ids `cost-per-inference`, `time-to-deploy-days` and
          `pilot-to-production-pct`. A criterion it cannot classify is not guessed at. The rule
          applies when the roadmap has exactly three phases (ordered by their first month). A
          gate may deviate on purpose: `deviation: {reason, decision}` with an approved
          Governance decision is accepted, and the QBR lists it.""",
          """
          Add the missing criterion (with a metric that has `measures:` set, or the fact), or
          tighten its target to the guide's; or record the board's approval of the weaker
          gate as `deviation: {reason: ..., decision: <approved decision id>}` on the gate.""",
          """
          gate:
            criteria:
              - {id: gc-downtime, metric: pilot-downtime-pct, operator: "<", target: 10}
              # pilot-downtime-pct has measures: pilot-downtime; no cost-per-inference criterion
          """,
          """
          gate:
            criteria:
              - {id: gc-downtime, metric: pilot-downtime-pct, operator: "<", target: 5}
              - {id: gc-cost, metric: cost-per-inference, operator: measured}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    Plan plan = context.plan();
    for (Roadmap r : plan.roadmaps()) {
      List<Phase> ordered =
          r.phases().stream().sorted(Comparator.comparingInt(Phase::firstMonth)).toList();
      if (ordered.size() != 3) {
        continue;
      }
      List<List<Requirement>> guide = List.of(PHASE_1, PHASE_2, PHASE_3);
      for (int k = 0; k < 3; k++) {
        Gate gate = ordered.get(k).gate();
        if (gate.id().isEmpty() || approvedDeviation(gate, plan)) {
          continue;
        }
        for (Requirement req : guide.get(k)) {
          check(context, plan, ordered.get(k), k + 1, req);
        }
      }
    }
  }

  /**
   * "; metric 'x' of criterion c is invalid, see the schema finding in FILE" for each criterion
   * whose metric sits in a document that failed its schema: Waymark cannot tell what it measures,
   * and the message must not suggest the criterion is simply missing.
   */
  private static String unreadable(RuleContext context, Plan plan, Gate gate) {
    StringBuilder note = new StringBuilder();
    for (Gate.Criterion c : gate.criteria()) {
      Optional<String> metric = c.metric().filter(m -> plan.metric(m).isEmpty());
      Optional<String> file = metric.flatMap(m -> context.ids().invalidItem("metric", m));
      if (file.isPresent()) {
        note.append("; ")
            .append(
                context
                    .ids()
                    .invalid("metric '" + metric.get() + "' of criterion " + c.id(), file.get()));
      }
    }
    return note.toString();
  }

  private static boolean approvedDeviation(Gate gate, Plan plan) {
    return gate.deviation()
        .filter(d -> !d.reason().isBlank())
        .flatMap(Deviation::decision)
        .flatMap(plan::decision)
        .filter(d -> d.approved())
        .isPresent();
  }

  private static void check(
      RuleContext context, Plan plan, Phase phase, int number, Requirement req) {
    Gate gate = phase.gate();
    List<Gate.Criterion> matching =
        gate.criteria().stream()
            .filter(c -> Measure.of(c, plan).filter(req.measure()::equals).isPresent())
            .toList();
    String deviationHint =
        gate.deviation().isPresent()
            ? " The gate's deviation has no approved Governance decision, so it does not count."
            : "";
    if (matching.isEmpty()) {
      context.report(
          gate.at().keyLocation("criteria"),
          "gate "
              + gate.id()
              + " of phase "
              + number
              + " ("
              + phase.id()
              + ") has no criterion for the guide's \""
              + req.text()
              + "\" (measures: "
              + req.measure().id()
              + ")"
              + unreadable(context, plan, gate),
          "Add a criterion on a metric with measures: "
              + req.measure().id()
              + (req.measure() == Measure.PRODUCTION_USE_CASES
                  ? " (or fact: " + Facts.PRODUCTION_USE_CASES + ")"
                  : "")
              + ", or record deviation: {reason, decision} on the gate."
              + deviationHint);
      return;
    }
    boolean met =
        matching.stream()
            .anyMatch(
                c ->
                    req.metBy(
                        c.operator(),
                        c.target(),
                        c.fact()
                            .filter(
                                f ->
                                    f.equals(Facts.APPROVED_POSITIVE_ROI)
                                        || f.equals(Facts.REALISED_POSITIVE_ROI))
                            .isPresent()));
    if (met) {
      return;
    }
    Gate.Criterion c = matching.get(0);
    context.report(
        c.at().location(c.target().isPresent() ? "target" : "operator"),
        "criterion "
            + c.id()
            + " of gate "
            + gate.id()
            + " ("
            + c.operator()
            + c.target().map(t -> " " + Numbers.plain(t)).orElse("")
            + ") is weaker than the guide's phase-"
            + number
            + " gate: "
            + req.text(),
        "Tighten the criterion to the guide's \""
            + req.text()
            + "\", or record deviation: {reason, decision} on the gate."
            + deviationHint);
  }
}
