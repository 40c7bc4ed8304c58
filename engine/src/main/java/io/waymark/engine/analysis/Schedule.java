package io.waymark.engine.analysis;

import io.waymark.engine.model.Milestone;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where a milestone stands against its due date on a given day: the one definition of overdue and
 * at risk that the {@code milestone-overdue} rule, the quarterly review and the dashboard share.
 */
public final class Schedule {

  private Schedule() {}

  /** Open (not done, not dropped) and due before {@code asOf}: the due day itself is not late. */
  public static boolean overdue(Milestone m, LocalDate asOf) {
    return !m.closed() && m.due() != null && m.due().isBefore(asOf);
  }

  /** Days from the due date to {@code asOf}; positive when overdue. */
  public static long daysLate(Milestone m, LocalDate asOf) {
    return ChronoUnit.DAYS.between(m.due(), asOf);
  }

  /** Marked at risk by its owner. */
  public static boolean atRisk(Milestone m) {
    return m.status() == Milestone.Status.AT_RISK;
  }

  /** Overdue or at risk: the milestones a review raises. */
  public static boolean troubled(Milestone m, LocalDate asOf) {
    return overdue(m, asOf) || atRisk(m);
  }
}
