package io.waymark.engine.model;

import java.util.List;

/** One phase of the roadmap, months relative to the roadmap start (1-based, inclusive). */
public record Phase(
    String id,
    String name,
    int firstMonth,
    int lastMonth,
    Status status,
    Gate gate,
    List<Milestone> milestones,
    List<Initiative> initiatives,
    List<Replan> replanned,
    Anchor at) {

  public Phase {
    replanned = List.copyOf(replanned);
  }

  /** A phase without recorded reasons for change. */
  public Phase(
      String id,
      String name,
      int firstMonth,
      int lastMonth,
      Status status,
      Gate gate,
      List<Milestone> milestones,
      List<Initiative> initiatives,
      Anchor at) {
    this(id, name, firstMonth, lastMonth, status, gate, milestones, initiatives, List.of(), at);
  }

  /** Where the phase stands. */
  public enum Status {
    PLANNED,
    IN_PROGRESS,
    DONE
  }

  /**
   * The reason this phase's months moved since {@code before} (the same phase, earlier): the {@code
   * replanned} entry it gained; empty when its months did not move or it gained none. A phase moved
   * for a recorded reason carries its milestones with it: their moves take this reason too. The one
   * answer for the pull-request rule, the diff and the history.
   */
  public java.util.Optional<Replan> movedFor(Phase before) {
    if (before.firstMonth == firstMonth && before.lastMonth == lastMonth) {
      return java.util.Optional.empty();
    }
    return Replan.added(before.replanned, replanned);
  }

  public boolean started() {
    return status != Status.PLANNED;
  }

  static Phase read(Fields f) {
    int first = 0;
    int last = 0;
    Anchor anchor = f.anchor();
    List<Integer> numbers = f.integers("months");
    if (numbers.size() == 2) {
      first = numbers.get(0);
      last = numbers.get(1);
    }
    return new Phase(
        f.string("id"),
        f.string("name"),
        first,
        last,
        Kebab.parse(Status.class, f.string("status"), Status.PLANNED),
        f.object("gate").map(Gate::read).orElseGet(() -> Gate.absent(anchor)),
        f.list("milestones", Milestone::read),
        f.list("initiatives", Initiative::read),
        Replan.readAll(f),
        anchor);
  }
}
