package io.waymark.engine.rules.metrics;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The well-known lagging metrics aim at least as high as the methodology: cost per inference −40%
 * and time to deploy −50% against their baseline, pilot-to-production conversion at 30% or more. A
 * reduction target without a positive baseline cannot be judged and is skipped.
 */
public final class MetricTargetUnambitiousRule implements Rule {

  static final String COST_PER_INFERENCE = "cost-per-inference";
  static final String TIME_TO_DEPLOY = "time-to-deploy-days";
  static final String PILOT_TO_PRODUCTION = "pilot-to-production-pct";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "metric-target-unambitious",
          Severity.INFO,
          "metrics",
          "A well-known lagging metric's target falls short of the methodology.",
          """
          The lagging indicators show the return of the programme, and the methodology gives
          them concrete targets: cost per inference down 40% or more by phase 3, time to
          deploy new AI features down 50%, and a pilot-to-production conversion above 30%
          (the industry average is about 5%, which is why most pilots never pay back). A
          roadmap that aims lower may have good reasons, but it should say so: the board
          compares the plan with these numbers. The rule looks at the ids
          `cost-per-inference`, `time-to-deploy-days` (change of target against baseline) and
          `pilot-to-production-pct` (the target itself).""",
          """
          Raise the target (cost per inference at most 60% of the baseline, time to deploy at
          most half of it, pilot-to-production at least 30%), or keep it and write down why in
          a comment, turning the rule down for the repository with a justification if needed.""",
          """
          - id: cost-per-inference
            baseline: 4.80
            target: {value: 3.60, by: 2028-06-30}   # -25%
          """,
          """
          - id: cost-per-inference
            baseline: 4.80
            target: {value: 2.80, by: 2028-06-30}   # -41.7%
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    for (Metrics.Metric metric : context.plan().metrics().toList()) {
      switch (metric.id()) {
        case COST_PER_INFERENCE -> checkReduction(context, metric, BigDecimal.valueOf(40));
        case TIME_TO_DEPLOY -> checkReduction(context, metric, BigDecimal.valueOf(50));
        case PILOT_TO_PRODUCTION -> checkFloor(context, metric, BigDecimal.valueOf(30));
        default -> {
          // not a well-known metric
        }
      }
    }
  }

  private static void checkReduction(
      RuleContext context, Metrics.Metric metric, BigDecimal reductionPct) {
    if (metric.target().isEmpty() || metric.baseline().isEmpty()) {
      return;
    }
    BigDecimal baseline = metric.baseline().get();
    BigDecimal target = metric.target().get().value();
    if (baseline.signum() <= 0) {
      return;
    }
    // (target - baseline) / baseline × 100 > -reduction, with baseline > 0, without dividing.
    BigDecimal change100 = target.subtract(baseline).multiply(HUNDRED);
    if (change100.compareTo(reductionPct.negate().multiply(baseline)) <= 0) {
      return;
    }
    BigDecimal changePct = change100.divide(baseline, MathContext.DECIMAL64);
    BigDecimal needed =
        baseline.multiply(HUNDRED.subtract(reductionPct)).divide(HUNDRED, MathContext.DECIMAL64);
    context.report(
        metric.target().get().at().location("value"),
        "target "
            + amount(target, metric)
            + " for '"
            + metric.id()
            + "' is "
            + signed(changePct)
            + " against the baseline "
            + amount(baseline, metric)
            + "; the methodology aims for -"
            + Numbers.percent(reductionPct)
            + " or better",
        "Aim for "
            + amount(needed, metric)
            + " or less ("
            + Numbers.percent(reductionPct)
            + " below the baseline), or note in a comment why a smaller reduction is right here.");
  }

  private static void checkFloor(RuleContext context, Metrics.Metric metric, BigDecimal floor) {
    if (metric.target().isEmpty()) {
      return;
    }
    BigDecimal target = metric.target().get().value();
    if (target.compareTo(floor) >= 0) {
      return;
    }
    context.report(
        metric.target().get().at().location("value"),
        "target "
            + Numbers.percent(target)
            + " for '"
            + metric.id()
            + "' is below "
            + Numbers.percent(floor)
            + "; the methodology aims above "
            + Numbers.percent(floor)
            + " pilot-to-production conversion (industry average about 5%)",
        "Aim for a conversion of at least "
            + Numbers.percent(floor)
            + ", or note in a comment why a lower target is right here.");
  }

  private static String amount(BigDecimal value, Metrics.Metric metric) {
    String unit = metric.unit();
    if (unit.isBlank()) {
      return Numbers.plain(value);
    }
    return "%".equals(unit) ? Numbers.percent(value) : Numbers.plain(value) + " " + unit;
  }

  private static String signed(BigDecimal pct) {
    return (pct.signum() > 0 ? "+" : "") + Numbers.percent(pct);
  }
}
