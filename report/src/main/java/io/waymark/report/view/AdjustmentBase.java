package io.waymark.report.view;

import io.waymark.engine.Analyses;
import io.waymark.engine.analysis.RoadmapSince;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.PlanHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The commit whose plan the roadmap adjustments of a quarterly review are counted from: the plan at
 * the end of the previous quarter, or, when the repository's history starts later (a roadmap first
 * committed in the middle of the quarter), its first commit.
 */
public final class AdjustmentBase {

  private AdjustmentBase() {}

  /**
   * The newest commit on or before the last day of the quarter before {@code quarter} that changed
   * the roadmap or metrics files; empty when every commit is later, or without history.
   *
   * <p>"Newest" is along the history's first-parent line, as {@link
   * io.waymark.engine.history.History#lastCommitOnOrBefore} and {@link RoadmapSince} read it: each
   * file's versions are in that order, and the last of them dated on or before the day is the
   * file's state at its end, even when a rebased commit or a skewed clock dates a commit after its
   * children. Across files, the latest of those states by time.
   */
  public static Optional<Commit> endOfPreviousQuarter(Analyses analyses, Quarter quarter) {
    LocalDate cutOff = quarter.previous().end();
    List<Commit> states = new ArrayList<>();
    for (List<Commit> line : lines(analyses.history())) {
      for (int k = line.size() - 1; k >= 0; k--) {
        if (!line.get(k).date().isAfter(cutOff)) {
          states.add(line.get(k));
          break;
        }
      }
    }
    return states.stream().max(Comparator.comparing(Commit::time).thenComparing(Commit::id));
  }

  /**
   * The first commit of the plan's history when the history starts after the previous quarter ended
   * (so that nothing before it can have been decided in the quarter): the business cases, vendors
   * and roadmap of that commit are the base of the adjustments. Empty when there is a commit before
   * the quarter, without history, or when the history is incomplete (a shallow clone that ends in
   * the quarter: its first commit is not the plan's first state).
   */
  public static Optional<Commit> startOfHistory(Analyses analyses, Quarter quarter) {
    if (endOfPreviousQuarter(analyses, quarter).isPresent()) {
      return Optional.empty();
    }
    LocalDate cutOff = quarter.previous().end();
    Optional<RoadmapSince> since = analyses.since(cutOff, "roadmap changes");
    if (since.isEmpty() || since.get().partial()) {
      return Optional.empty();
    }
    List<Commit> firsts = new ArrayList<>();
    for (List<Commit> line : lines(analyses.history())) {
      if (!line.isEmpty()) {
        firsts.add(line.get(0));
      }
    }
    return firsts.stream().min(Comparator.comparing(Commit::time).thenComparing(Commit::id));
  }

  /** The commits of each followed file's versions, in the order of the first-parent line. */
  private static List<List<Commit>> lines(PlanHistory history) {
    List<List<Commit>> lines = new ArrayList<>();
    lines.add(history.roadmap().stream().map(s -> s.commit()).toList());
    history
        .metrics()
        .values()
        .forEach(list -> lines.add(list.stream().map(s -> s.commit()).toList()));
    return lines;
  }
}
