package io.waymark.engine.gate;

import io.waymark.engine.model.Gate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The verdict on one gate criterion at the gate's evaluation date.
 *
 * @param actual the metric's data point or the fact's value that was compared, when there was one
 * @param observedOn the date of that data point (for facts computed from counts: the evaluation
 *     date)
 * @param explanation one readable line, e.g. {@code pilot-downtime-pct 3.2 < 5 on 2027-03-31}
 */
public record CriterionResult(
    Gate.Criterion criterion,
    State state,
    Optional<BigDecimal> actual,
    Optional<LocalDate> observedOn,
    String operator,
    Optional<BigDecimal> target,
    String explanation) {

  /** How a criterion stands. */
  public enum State {
    /** The value meets the target (or, for {@code measured}, data exists). */
    MET,
    /** The value misses the target. */
    NOT_MET,
    /** The criterion is well defined but there is no value on or before the date. */
    NO_DATA,
    /**
     * The criterion can never be judged as written: an unknown fact or metric, a metric with no
     * data at all, or no target for an operator that needs one.
     */
    UNMEASURABLE,
    /** Not met (or no data), but the criterion carries a waiver. */
    WAIVED
  }

  public String id() {
    return criterion.id();
  }

  /** True when the criterion does not hold the gate back: met or waived. */
  public boolean satisfied() {
    return state == State.MET || state == State.WAIVED;
  }
}
