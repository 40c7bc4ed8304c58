package io.waymark.engine.gate;

import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Plan;
import java.util.Optional;

/**
 * What a gate criterion measures, in a closed vocabulary (a metric's {@code measures:} field, or
 * implied by a known fact or a well-known metric id). A criterion that cannot be classified is not
 * guessed at: rules that compare gates with the guide's simply do not see it.
 */
public enum Measure {
  PILOT_DOWNTIME,
  COST_PER_INFERENCE,
  PIPELINE_SLA,
  STAFF_TRAINED,
  PRODUCTION_USE_CASES,
  ROI,
  GOVERNANCE_MATURITY,
  TIME_TO_DEPLOY,
  PILOT_TO_PRODUCTION,
  MILESTONE_COMPLETION;

  /** The kebab-case name used in YAML ({@code measures: pilot-downtime}). */
  public String id() {
    return Kebab.of(this);
  }

  /** The measure with this YAML name, if any. */
  public static Optional<Measure> parse(String id) {
    for (Measure m : values()) {
      if (m.id().equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** What a metric measures: its {@code measures:} field, else its well-known id. */
  public static Optional<Measure> of(Metrics.Metric metric) {
    return metric
        .measures()
        .flatMap(Measure::parse)
        .or(
            () ->
                switch (metric.id()) {
                  case "cost-per-inference" -> Optional.of(COST_PER_INFERENCE);
                  case "time-to-deploy-days" -> Optional.of(TIME_TO_DEPLOY);
                  case "pilot-to-production-pct" -> Optional.of(PILOT_TO_PRODUCTION);
                  default -> Optional.empty();
                });
  }

  /** What a gate criterion measures, through its fact or its metric. */
  public static Optional<Measure> of(Gate.Criterion criterion, Plan plan) {
    if (criterion.fact().isPresent()) {
      return switch (criterion.fact().get()) {
        case Facts.PRODUCTION_USE_CASES -> Optional.of(PRODUCTION_USE_CASES);
        case Facts.APPROVED_POSITIVE_ROI, Facts.REALISED_POSITIVE_ROI -> Optional.of(ROI);
        case Facts.PILOT_TO_PRODUCTION_PCT -> Optional.of(PILOT_TO_PRODUCTION);
        case Facts.MILESTONE_COMPLETION_PCT -> Optional.of(MILESTONE_COMPLETION);
        default -> Optional.empty();
      };
    }
    return criterion.metric().flatMap(plan::metric).flatMap(Measure::of);
  }
}
