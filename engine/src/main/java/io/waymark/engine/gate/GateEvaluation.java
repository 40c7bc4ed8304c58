package io.waymark.engine.gate;

import io.waymark.engine.model.Gate;
import java.time.LocalDate;
import java.util.List;

/**
 * One phase gate judged at a date: its decision date for a decided gate, the as-of date for a
 * pending one.
 */
public record GateEvaluation(
    String phaseId,
    String gateId,
    Gate.Status status,
    LocalDate evaluatedOn,
    List<CriterionResult> criteria) {

  public GateEvaluation {
    criteria = List.copyOf(criteria);
  }

  /** True when every criterion is met or waived. */
  public boolean satisfied() {
    return criteria.stream().allMatch(CriterionResult::satisfied);
  }
}
