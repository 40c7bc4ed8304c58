package io.waymark.engine.analysis;

import io.waymark.engine.history.Commit;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each milestone's due date moved over the roadmap's history: every state that gives it a
 * different due date than the state before is a move. The states follow the first-parent line of
 * the history (a merged branch counts once, at its merge), so a change is never counted twice.
 * States where the milestone is absent, or has no readable due date, are skipped.
 */
public final class MilestoneSlips {

  private MilestoneSlips() {}

  /** One re-plan of a milestone's due date, in the commit that made it. */
  public record Move(LocalDate from, LocalDate to, RoadmapState state) {

    public long days() {
      return ChronoUnit.DAYS.between(from, to);
    }

    public boolean later() {
      return to.isAfter(from);
    }

    public Optional<Commit> commit() {
      return state.commit();
    }

    /** "2027-03-01 → 2027-03-15 in a1b2c3d (2027-02-10)". */
    public String describe() {
      return from + " → " + to + " in " + state.where();
    }
  }

  /**
   * One milestone's history.
   *
   * @param originalDue the due date in the first state that has the milestone
   * @param firstPlanned that state
   * @param moves every counted re-plan, oldest first
   */
  public record MilestoneHistory(
      Milestone milestone, LocalDate originalDue, RoadmapState firstPlanned, List<Move> moves) {

    public MilestoneHistory {
      moves = List.copyOf(moves);
    }

    public LocalDate currentDue() {
      return milestone.due();
    }

    /** The moves to a later date. */
    public List<Move> slips() {
      return moves.stream().filter(Move::later).toList();
    }

    /** Days between the original and the current due date (negative when it moved earlier). */
    public long totalSlipDays() {
      return ChronoUnit.DAYS.between(originalDue, currentDue());
    }
  }

  /**
   * The history of every milestone of the final state (the current plan), in plan order.
   *
   * @param states oldest first; the last one is the current plan
   */
  public static List<MilestoneHistory> of(List<RoadmapState> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    Roadmap current = states.get(states.size() - 1).roadmap();
    Map<String, Milestone> wanted = new LinkedHashMap<>();
    for (Milestone m : current.milestones()) {
      if (!m.id().isBlank() && usable(m.due())) {
        wanted.putIfAbsent(m.id(), m);
      }
    }
    List<MilestoneHistory> out = new ArrayList<>();
    for (Milestone milestone : wanted.values()) {
      out.add(follow(milestone, states));
    }
    return out;
  }

  private static MilestoneHistory follow(Milestone milestone, List<RoadmapState> states) {
    LocalDate original = null;
    RoadmapState first = null;
    LocalDate due = null;
    List<Move> moves = new ArrayList<>();
    for (RoadmapState state : states) {
      Optional<LocalDate> next = dueIn(state.roadmap(), milestone.id());
      if (next.isEmpty()) {
        continue;
      }
      if (due == null) {
        original = next.get();
        first = state;
      } else if (!next.get().equals(due)) {
        moves.add(new Move(due, next.get(), state));
      }
      due = next.get();
    }
    return new MilestoneHistory(milestone, original, first, moves);
  }

  private static Optional<LocalDate> dueIn(Roadmap roadmap, String id) {
    for (Milestone m : roadmap.milestones()) {
      if (m.id().equals(id) && usable(m.due())) {
        return Optional.of(m.due());
      }
    }
    return Optional.empty();
  }

  /** The model reads a missing date as the epoch; old, unchecked snapshots may have one. */
  private static boolean usable(LocalDate date) {
    return date != null && !date.equals(LocalDate.EPOCH);
  }
}
