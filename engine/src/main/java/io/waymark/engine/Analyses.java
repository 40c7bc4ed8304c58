package io.waymark.engine;

import io.waymark.engine.analysis.HistoryCoverage;
import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.analysis.PlanChurn;
import io.waymark.engine.analysis.RoadmapSince;
import io.waymark.engine.analysis.RoadmapState;
import io.waymark.engine.analysis.RoadmapStates;
import io.waymark.engine.diff.HistoryReport;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.model.Plan;
import java.time.LocalDate;
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
  public List<MilestoneSlips.MilestoneHistory> slips() {
    return states().isEmpty() ? List.of() : MilestoneSlips.of(states());
  }

  /** In which of the last six months the plan changed outside the update windows. */
  public Optional<PlanChurn> churn() {
    return states().isEmpty() ? Optional.empty() : Optional.of(PlanChurn.of(states(), asOf));
  }

  /** The roadmap's adjustments since {@code since}, with how far the history answers that. */
  public Optional<RoadmapSince> since(LocalDate since, String question) {
    return RoadmapSince.of(history, since, question);
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
