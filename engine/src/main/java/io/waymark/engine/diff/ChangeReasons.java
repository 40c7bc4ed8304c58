package io.waymark.engine.diff;

import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.analysis.RoadmapState;
import io.waymark.engine.history.Commit;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Replan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why the plan changed (issue 10 §2), in words: the {@code replanned} entry an element gained, else
 * the message of the commit that made the change.
 */
public final class ChangeReasons {

  private ChangeReasons() {}

  /** "Vendor onboarding took longer (decision dec-q2-replan, 2027-05-12)". */
  public static String describe(Replan r) {
    return r.reason().strip().replaceAll("\\s+", " ")
        + " ("
        + r.decision().map(d -> "decision " + d + ", ").orElse("")
        + r.on()
        + ")";
  }

  /** The newest entry of {@code after} that {@code before} did not have ({@link Replan#added}). */
  public static Optional<Replan> added(List<Replan> before, List<Replan> after) {
    return Replan.added(before, after);
  }

  /**
   * The reason for each move of a milestone, oldest first: the {@code replanned} entry behind it
   * ({@link #entries}), described; else "commit: " and the commit's subject; else empty.
   */
  public static List<Optional<String>> of(MilestoneSlips.MilestoneHistory history) {
    return of(history, entries(history));
  }

  /** {@link #of(MilestoneSlips.MilestoneHistory)}, from the history's {@link #entries}. */
  public static List<Optional<String>> of(
      MilestoneSlips.MilestoneHistory history, List<Optional<Replan>> entries) {
    List<Optional<String>> out = new ArrayList<>();
    for (int k = 0; k < history.moves().size(); k++) {
      Optional<Commit> commit = history.moves().get(k).commit();
      out.add(
          entries
              .get(k)
              .map(ChangeReasons::describe)
              .or(() -> commit.map(c -> "commit: " + c.subject().strip())));
    }
    return out;
  }

  /**
   * The {@code replanned} entry behind each move of a milestone, oldest first: the newest entry of
   * the milestone in the revision that moved it that no earlier move used, dated on or before that
   * commit; empty for a move that records none.
   */
  public static List<Optional<Replan>> entries(MilestoneSlips.MilestoneHistory history) {
    List<Optional<Replan>> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    String id = history.milestone().id();
    RoadmapState previous = history.firstPlanned();
    for (MilestoneSlips.Move move : history.moves()) {
      Optional<Commit> commit = move.commit();
      Optional<Replan> entry =
          move.state().roadmap().milestones().stream()
              .filter(m -> m.id().equals(id))
              .findFirst()
              .map(Milestone::replanned)
              .orElse(List.of())
              .stream()
              .filter(r -> !used.contains(key(r)))
              .filter(r -> commit.map(c -> !r.on().isAfter(c.date())).orElse(true))
              .max(Comparator.comparing(Replan::on));
      if (entry.isEmpty()) {
        entry = carried(id, previous, move);
      }
      entry.ifPresent(r -> used.add(key(r)));
      out.add(entry);
      previous = move.state();
    }
    return out;
  }

  /**
   * The reason a milestone's phase moved between the state before a move and the move ({@link
   * Phase#movedFor}: a phase moved for a recorded reason carries its milestones), dated on or
   * before the move's commit.
   */
  private static Optional<Replan> carried(
      String milestone, RoadmapState before, MilestoneSlips.Move move) {
    Optional<Phase> phase =
        move.state().roadmap().phases().stream()
            .filter(p -> p.milestones().stream().anyMatch(m -> m.id().equals(milestone)))
            .findFirst();
    if (phase.isEmpty()) {
      return Optional.empty();
    }
    Optional<Phase> was =
        before.roadmap().phases().stream().filter(p -> p.id().equals(phase.get().id())).findFirst();
    Optional<Commit> commit = move.commit();
    return was.flatMap(w -> phase.get().movedFor(w))
        .filter(r -> commit.map(c -> !r.on().isAfter(c.date())).orElse(true));
  }

  private static String key(Replan r) {
    return r.on() + "\n" + r.reason().strip();
  }
}
