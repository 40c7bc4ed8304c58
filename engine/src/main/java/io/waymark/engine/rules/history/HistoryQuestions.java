package io.waymark.engine.rules.history;

import io.waymark.engine.analysis.PlanChurn;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions the history rules ask of the history, and which of them the available history
 * cannot fully answer: what {@code history-shallow} and {@code history-unavailable} name.
 */
final class HistoryQuestions {

  private HistoryQuestions() {}

  /** The first day of the churn rule's six months. */
  static LocalDate churnFrom(LocalDate asOf) {
    return PlanChurn.windowStart(asOf);
  }

  /** The coverage of the re-plans of every open milestone (what milestone-slipping counts). */
  static List<Milestone> partlyCovered(PlanHistory history, Roadmap roadmap) {
    List<Milestone> out = new ArrayList<>();
    for (Milestone m : roadmap.milestones()) {
      if (!m.closed()
          && history.milestone(m.id(), "re-plans of " + m.id()).extent()
              == Coverage.Extent.PARTIAL) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * "the re-plans of 3 open milestones (ms-a, ms-b, ms-c) before 6 May 2027 (milestone-slipping)".
   */
  static List<String> unanswered(PlanHistory history, Roadmap roadmap, LocalDate asOf) {
    List<String> out = new ArrayList<>();
    List<Milestone> milestones = partlyCovered(history, roadmap);
    String before =
        history.roadmapGap().map(g -> " before " + Coverage.day(g.knownSince())).orElse("");
    if (!milestones.isEmpty()) {
      List<String> ids = milestones.stream().map(Milestone::id).toList();
      String named =
          ids.size() <= 5
              ? String.join(", ", ids)
              : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
      out.add(
          "the re-plans"
              + before
              + " of "
              + milestones.size()
              + (milestones.size() == 1 ? " open milestone" : " open milestones")
              + " ("
              + named
              + ") for milestone-slipping");
    }
    LocalDate from = churnFrom(asOf);
    Coverage churn = history.roadmapSince(from, "plan changes since " + Coverage.day(from));
    if (churn.extent() == Coverage.Extent.PARTIAL) {
      out.add(
          "the plan changes between "
              + Coverage.day(from)
              + " and "
              + Coverage.day(churn.gap().orElseThrow().knownSince())
              + " for roadmap-churn");
    }
    return out;
  }
}
