package io.waymark.engine.gate;

import io.waymark.engine.gate.CriterionResult.State;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges every criterion of a phase gate against the data as it stood on the gate's date: the
 * decision date for a decided gate, the as-of date for a pending one. A metric criterion uses the
 * metric's latest data point on or before that date, so data recorded later never rescues or
 * condemns a past decision.
 */
public final class GateEvaluator {

  private static final String MEASURED = "measured";

  private final Plan plan;
  private final Facts facts;

  public GateEvaluator(Plan plan) {
    this.plan = plan;
    this.facts = new Facts(plan);
  }

  /** Every phase gate of every roadmap in the plan, in phase order as written. */
  public static List<GateEvaluation> evaluate(Plan plan, LocalDate asOf) {
    GateEvaluator evaluator = new GateEvaluator(plan);
    List<GateEvaluation> out = new ArrayList<>();
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        out.add(evaluator.evaluate(phase, asOf));
      }
    }
    return out;
  }

  /**
   * The date a gate is judged at: its decision date once passed or waived (what the decision rested
   * on), else {@code asOf}: a pending gate, and a failed one, which is to be decided again (where
   * its criteria stand now is the question before the board, not where they stood when it failed).
   */
  public static LocalDate evaluationDate(Gate gate, LocalDate asOf) {
    return gate.status() == Gate.Status.PENDING || gate.status() == Gate.Status.FAILED
        ? asOf
        : gate.decidedOn().orElse(asOf);
  }

  /** One phase's gate. */
  public GateEvaluation evaluate(Phase phase, LocalDate asOf) {
    Gate gate = phase.gate();
    LocalDate date = evaluationDate(gate, asOf);
    List<CriterionResult> results = new ArrayList<>();
    for (Gate.Criterion criterion : gate.criteria()) {
      results.add(evaluate(criterion, phase, date));
    }
    return new GateEvaluation(phase.id(), gate.id(), gate.status(), date, results);
  }

  /**
   * One criterion of {@code phase}'s gate, on {@code date}. A criterion waiver counts only while it
   * applies on that date: a waiver that expired before it leaves the criterion not met.
   */
  public CriterionResult evaluate(Gate.Criterion criterion, Phase phase, LocalDate date) {
    CriterionResult raw = judge(criterion, phase, date);
    if ((raw.state() != State.NOT_MET && raw.state() != State.NO_DATA)
        || criterion.waiver().isEmpty()) {
      return raw;
    }
    Gate.Waiver w = criterion.waiver().get();
    if (w.expiredOn(date)) {
      return new CriterionResult(
          criterion,
          raw.state(),
          raw.actual(),
          raw.observedOn(),
          raw.operator(),
          raw.target(),
          raw.explanation()
              + "; the waiver by decision "
              + w.decision()
              + " expired on "
              + w.expires().orElseThrow());
    }
    return new CriterionResult(
        criterion,
        State.WAIVED,
        raw.actual(),
        raw.observedOn(),
        raw.operator(),
        raw.target(),
        raw.explanation() + "; waived by decision " + w.decision());
  }

  /** One criterion judged on {@code date} against its target alone, whatever its waiver says. */
  public CriterionResult judge(Gate.Criterion criterion, Phase phase, LocalDate date) {
    String op = criterion.operator();
    Verdict v = new Verdict(criterion, op);
    Optional<String> definitionProblem = definitionProblem(criterion);
    if (definitionProblem.isPresent()) {
      return v.unmeasurable(definitionProblem.get());
    }
    String subject;
    Optional<BigDecimal> value;
    Optional<LocalDate> on;
    String missing;
    String detail = "";
    if (criterion.metric().isPresent()) {
      subject = criterion.metric().get();
      Optional<Metrics.Metric> metric = plan.metric(subject);
      Optional<Metrics.DataPoint> point = metric.flatMap(m -> m.latestOnOrBefore(date));
      value = point.map(Metrics.DataPoint::value);
      on = point.map(Metrics.DataPoint::date);
      missing = subject + " has no data point on or before " + date;
      if (point.isEmpty() && metric.flatMap(Metrics.Metric::baseline).isPresent()) {
        // The baseline is the metric's first reading.
        value = metric.get().baseline();
        detail = " (baseline, no reading yet)";
      }
    } else {
      subject = criterion.fact().orElse("");
      Facts.Reading reading = facts.read(subject, phase, date);
      value = reading.value();
      on = Optional.of(reading.on());
      detail = " (" + reading.detail() + ")";
      missing = subject + " has no value on " + date + detail;
    }
    if (value.isEmpty()) {
      return v.of(State.NO_DATA, Optional.empty(), Optional.empty(), missing);
    }
    String when = on.map(d -> " on " + d).orElse("");
    if (MEASURED.equals(op)) {
      return v.of(
          State.MET, value, on, subject + " measured: " + plain(value.get()) + detail + when);
    }
    BigDecimal target = criterion.target().orElseThrow();
    boolean met = compare(value.get(), op, target);
    String text =
        subject
            + " "
            + plain(value.get())
            + detail
            + (met ? " " : " is not ")
            + symbol(op)
            + " "
            + plain(target)
            + when;
    return v.of(met ? State.MET : State.NOT_MET, value, on, text);
  }

  /**
   * Why the criterion can never be judged as written, if it cannot: an unknown fact or metric, a
   * metric without any data point, an unknown operator, or no target where the operator needs one.
   */
  public Optional<String> definitionProblem(Gate.Criterion criterion) {
    String op = criterion.operator();
    if (!MEASURED.equals(op) && symbol(op).isEmpty()) {
      return Optional.of("unknown operator '" + op + "'");
    }
    Optional<String> metricId = criterion.metric();
    if (metricId.isEmpty()) {
      String fact = criterion.fact().orElse("");
      if (!Facts.isKnown(fact)) {
        return Optional.of("'" + fact + "' is not a known fact");
      }
      metricId = Facts.metricOf(fact);
    }
    if (metricId.isPresent()) {
      Optional<Metrics.Metric> metric = plan.metric(metricId.get());
      if (metric.isEmpty()) {
        return Optional.of("no metric '" + metricId.get() + "'");
      }
      if (metric.get().series().isEmpty() && metric.get().baseline().isEmpty()) {
        return Optional.of("metric " + metricId.get() + " has neither a baseline nor data points");
      }
    }
    if (!MEASURED.equals(op) && criterion.target().isEmpty()) {
      return Optional.of("operator " + op + " needs a target and there is none");
    }
    return Optional.empty();
  }

  /** True when {@code value} meets {@code op target}; false for an unknown operator. */
  static boolean compare(BigDecimal value, String op, BigDecimal target) {
    int c = value.compareTo(target);
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "==" -> c == 0;
      default -> false;
    };
  }

  /** The operator as a reader writes it ("≤" for "<="); empty for an unknown one. */
  static String symbol(String op) {
    return switch (op) {
      case "<" -> "<";
      case "<=" -> "≤";
      case ">" -> ">";
      case ">=" -> "≥";
      case "==" -> "=";
      default -> "";
    };
  }

  /** A number with at most two decimals and no trailing zeros ("3.2", "-12.29", "100"). */
  static String plain(BigDecimal value) {
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  /** Builds results for one criterion. */
  private record Verdict(Gate.Criterion criterion, String operator) {

    CriterionResult of(
        State state, Optional<BigDecimal> actual, Optional<LocalDate> on, String explanation) {
      return new CriterionResult(
          criterion, state, actual, on, operator, criterion.target(), explanation);
    }

    CriterionResult unmeasurable(String why) {
      return of(State.UNMEASURABLE, Optional.empty(), Optional.empty(), why);
    }
  }
}
