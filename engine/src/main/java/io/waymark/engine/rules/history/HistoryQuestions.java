package io.waymark.engine.rules.history;

import io.waymark.engine.analysis.InitiativeArrivals;
import io.waymark.engine.analysis.PlanChurn;
import io.waymark.engine.finding.Names;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.spend.Spend;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The questions the history rules ask of the history, and which of them the available history
 * cannot fully answer: what {@code history-shallow} and {@code history-unavailable} name. The rules
 * these findings name are the {@link Asker}s, and no other list.
 */
final class HistoryQuestions {

  private HistoryQuestions() {}

  /**
   * A rule whose findings rest on the roadmap's Git history, and what it does without the history.
   * A rule that comes to read the history for its judgement belongs here: {@code
   * HistoryQuestionsTest} holds the registered rules to it.
   */
  enum Asker {
    MILESTONE_SLIPPING("milestone-slipping", ""),
    ROADMAP_CHURN("roadmap-churn", ""),
    ACTUALS_STALE(
        "actuals-stale", "counted the initiatives' days without the day each joined the roadmap");

    private final String rule;

    /** What the rule does without the history; empty: it is skipped. */
    private final String withoutHistory;

    Asker(String rule, String withoutHistory) {
      this.rule = rule;
      this.withoutHistory = withoutHistory;
    }

    String rule() {
      return rule;
    }

    /** "milestone-slipping, roadmap-churn and actuals-stale". */
    static String all() {
      return named(Arrays.stream(values()).map(Asker::rule).toList());
    }

    /**
     * What they did without the history: "milestone-slipping and roadmap-churn were skipped, and
     * actuals-stale counted ...".
     */
    static String withoutHistory() {
      List<String> skipped = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      for (Asker asker : values()) {
        if (asker.withoutHistory.isEmpty()) {
          skipped.add(asker.rule);
        } else {
          parts.add(asker.rule + " " + asker.withoutHistory);
        }
      }
      if (!skipped.isEmpty()) {
        parts.add(0, named(skipped) + (skipped.size() == 1 ? " was" : " were") + " skipped");
      }
      return String.join(", and ", parts);
    }
  }

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
   * The initiatives in progress whose day of joining the roadmap the history cannot tell (what
   * actuals-stale counts from), where the roadmap records spend (else the rule does not apply).
   */
  static List<Initiative> arrivalsUnknown(PlanHistory history, Roadmap roadmap, LocalDate asOf) {
    List<Initiative> out = new ArrayList<>();
    List<Spend.Running> running = Spend.running(roadmap, asOf);
    if (running.isEmpty()) {
      return out;
    }
    InitiativeArrivals arrivals = InitiativeArrivals.of(history);
    for (Spend.Running r : running) {
      if (arrivals.of(r.initiative().id()) instanceof InitiativeArrivals.Unknown) {
        out.add(r.initiative());
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
      out.add(
          "the re-plans"
              + before
              + " of "
              + milestones.size()
              + (milestones.size() == 1 ? " open milestone" : " open milestones")
              + " ("
              + Names.firstOf(milestones.stream().map(Milestone::id).toList(), 5)
              + ") for "
              + Asker.MILESTONE_SLIPPING.rule());
    }
    LocalDate from = churnFrom(asOf);
    Coverage churn = history.roadmapSince(from, "plan changes since " + Coverage.day(from));
    if (churn.extent() == Coverage.Extent.PARTIAL) {
      out.add(
          "the plan changes between "
              + Coverage.day(from)
              + " and "
              + Coverage.day(churn.gap().orElseThrow().knownSince())
              + " for "
              + Asker.ROADMAP_CHURN.rule());
    }
    List<Initiative> initiatives = arrivalsUnknown(history, roadmap, asOf);
    if (!initiatives.isEmpty()) {
      out.add(
          "when "
              + initiatives.size()
              + (initiatives.size() == 1 ? " initiative in progress" : " initiatives in progress")
              + " ("
              + Names.firstOf(initiatives.stream().map(Initiative::id).toList(), 5)
              + ") joined the roadmap, for "
              + Asker.ACTUALS_STALE.rule());
    }
    return out;
  }

  /** "a", "a and b", "a, b and c". */
  static String named(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
