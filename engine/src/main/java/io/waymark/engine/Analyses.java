package io.waymark.engine;

import io.waymark.engine.analysis.HistoryCoverage;
import io.waymark.engine.analysis.LateRecords;
import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.analysis.PlanChurn;
import io.waymark.engine.analysis.RoadmapSince;
import io.waymark.engine.analysis.RoadmapState;
import io.waymark.engine.analysis.RoadmapStates;
import io.waymark.engine.analysis.Schedule;
import io.waymark.engine.diff.HistoryReport;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Plan;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan and history analyses of one validation, from the one history it read: the roadmap's
 * states, each milestone's re-plans (slips), plan churn, the adjustments since a date, how far the
 * history answers the history rules, and the history report of {@code waymark history}. Each is the
 * {@code analysis} package's answer, so the rules, the reports, {@code diff} and {@code history}
 * count the same thing the same way.
 */
public final class Analyses {

  private final PlanHistory history;
  private final Plan plan;
  private final LocalDate asOf;
  private List<RoadmapState> states;
  private List<MilestoneSlips.MilestoneHistory> slips;
  private Map<String, MilestoneSlips.MilestoneHistory> slipsById;
  private List<LateRecords.Late> recordedLater;

  Analyses(PlanHistory history, Plan plan, LocalDate asOf) {
    this.history = history;
    this.plan = plan;
    this.asOf = asOf;
  }

  /**
   * The analyses of a plan with a history other than the one it was validated with (a report given
   * a history by hand); a validation's own are {@link ValidationResult#analyses()}.
   */
  public static Analyses of(PlanHistory history, Plan plan, LocalDate asOf) {
    return new Analyses(history, plan, asOf);
  }

  /**
   * The roadmap at every commit that changed it, oldest first, ending with today's; empty without a
   * roadmap.
   */
  public synchronized List<RoadmapState> states() {
    if (states == null) {
      states = plan.roadmap().map(r -> RoadmapStates.of(history, r)).orElse(List.of());
    }
    return states;
  }

  /** Each milestone's first-planned and current due date, and its re-plans. */
  public synchronized List<MilestoneSlips.MilestoneHistory> slips() {
    if (slips == null) {
      slips = states().isEmpty() ? List.of() : MilestoneSlips.of(states());
    }
    return slips;
  }

  /** One milestone's re-plans, as {@link #slips()} counts them; empty when the history lacks it. */
  public synchronized Optional<MilestoneSlips.MilestoneHistory> slips(String milestoneId) {
    if (slipsById == null) {
      Map<String, MilestoneSlips.MilestoneHistory> byId = new LinkedHashMap<>();
      for (MilestoneSlips.MilestoneHistory h : slips()) {
        byId.putIfAbsent(h.milestone().id(), h);
      }
      slipsById = byId;
    }
    return Optional.ofNullable(slipsById.get(milestoneId));
  }

  /** Open and due before the as-of date ({@link Schedule#overdue}), as milestone-overdue judges. */
  public boolean overdue(Milestone m) {
    return Schedule.overdue(m, asOf);
  }

  /** Days from the milestone's due date to the as-of date; positive when overdue. */
  public long daysLate(Milestone m) {
    return Schedule.daysLate(m, asOf);
  }

  /** Marked at risk by its owner. */
  public boolean atRisk(Milestone m) {
    return Schedule.atRisk(m);
  }

  /** Overdue or at risk: the milestones a review raises. */
  public boolean troubled(Milestone m) {
    return Schedule.troubled(m, asOf);
  }

  /**
   * The plan's records of something that happened dated after the as-of date ({@link LateRecords}):
   * what {@code recorded-after-as-of} reports, read from the plan, so the same whether that rule is
   * on, off or suppressed.
   */
  public synchronized List<LateRecords.Late> recordedLater() {
    if (recordedLater == null) {
      recordedLater = LateRecords.of(plan, asOf);
    }
    return recordedLater;
  }

  /** In which of the last six months the plan changed outside the update windows. */
  public Optional<PlanChurn> churn() {
    return states().isEmpty() ? Optional.empty() : Optional.of(PlanChurn.of(states(), asOf));
  }

  /** The roadmap's adjustments since {@code since}, with how far the history answers that. */
  public Optional<RoadmapSince> since(LocalDate since, String question) {
    return RoadmapSince.of(history, since, question);
  }

  /** The history these analyses read (empty without Git, and then it says why). */
  public PlanHistory history() {
    return history;
  }

  /** How far the history answers each history rule's question. */
  public Map<String, Coverage> coverage() {
    return HistoryCoverage.ofRules(history, asOf);
  }

  /** The roadmap's story: what {@code waymark history} tells. */
  public HistoryReport historyReport() {
    return HistoryReport.of(history, plan, asOf);
  }
}
