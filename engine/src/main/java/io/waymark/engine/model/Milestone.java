package io.waymark.engine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A dated checkpoint inside a phase, with its deliverables. */
public record Milestone(
    String id,
    String title,
    LocalDate due,
    Status status,
    Optional<LocalDate> completedOn,
    List<String> deliverables,
    List<String> successCriteria,
    List<Replan> replanned,
    Anchor at) {

  public Milestone {
    replanned = List.copyOf(replanned);
  }

  /** A milestone without success criteria nor recorded reasons for change. */
  public Milestone(
      String id,
      String title,
      LocalDate due,
      Status status,
      Optional<LocalDate> completedOn,
      List<String> deliverables,
      Anchor at) {
    this(id, title, due, status, completedOn, deliverables, List.of(), List.of(), at);
  }

  /** Where the milestone stands. */
  public enum Status {
    PLANNED,
    IN_PROGRESS,
    DONE,
    AT_RISK,
    DROPPED
  }

  public boolean closed() {
    return status == Status.DONE || status == Status.DROPPED;
  }

  static Milestone read(Fields f) {
    return new Milestone(
        f.string("id"),
        f.string("title"),
        f.date("due"),
        Kebab.parse(Status.class, f.string("status"), Status.PLANNED),
        f.optDate("completedOn"),
        f.strings("deliverables"),
        f.strings("successCriteria"),
        Replan.readAll(f),
        f.anchor());
  }
}
