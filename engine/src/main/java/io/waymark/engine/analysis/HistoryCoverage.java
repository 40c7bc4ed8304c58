package io.waymark.engine.analysis;

import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far the Git history answers the questions of the history rules, per rule: the re-plans of the
 * open milestones ({@code milestone-slipping}) and the plan changes since the start of the churn
 * months ({@code roadmap-churn}, see {@link PlanChurn#windowStart}). {@code waymark diff} states
 * the partial ones as notes; the JSON of {@code validate} and {@code diff} lists them as {@code
 * historyCoverage}.
 */
public final class HistoryCoverage {

  private HistoryCoverage() {}

  /** Rule id → coverage, in a stable order ({@code milestone-slipping}, {@code roadmap-churn}). */
  public static Map<String, Coverage> ofRules(PlanHistory history, LocalDate asOf) {
    Map<String, Coverage> out = new LinkedHashMap<>();
    out.put("milestone-slipping", history.roadmapAll("the re-plans of the open milestones"));
    LocalDate from = PlanChurn.windowStart(asOf);
    out.put(
        "roadmap-churn",
        history.roadmapSince(from, "the plan changes since " + Coverage.day(from)));
    return Collections.unmodifiableMap(out);
  }
}
