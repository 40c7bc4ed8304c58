package io.waymark.engine.diff;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.model.Plan;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as it was judged: where it was read from, the as-of date, the plan and its findings. What
 * {@link PlanDiff} compares; the facade's {@code ValidationResult} is one, so that this package
 * needs nothing of the facade (the facade builds on it, not the reverse).
 */
public interface JudgedPlan {

  /** The repository folder or revision the plan was read from, as shown to the user. */
  String root();

  LocalDate asOf();

  Plan plan();

  /** The findings that count, sorted. */
  List<Finding> findings();
}
