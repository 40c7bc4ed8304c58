package io.waymark.engine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Why the plan changed (issue 10 §2): one entry of a milestone's, phase's or gate's {@code
 * replanned} list, with the date of the change, the reason, and the Governance decision behind it.
 */
public record Replan(LocalDate on, String reason, Optional<String> decision, Anchor at) {

  static List<Replan> readAll(Fields f) {
    return f.list(
        "replanned",
        r -> new Replan(r.date("on"), r.string("reason"), r.optString("decision"), r.anchor()));
  }

  /** The latest reason on or before {@code day}, if any. */
  public static Optional<Replan> latest(List<Replan> replans, LocalDate day) {
    return replans.stream()
        .filter(r -> !r.on().isAfter(day))
        .max(java.util.Comparator.comparing(Replan::on));
  }

  /**
   * The newest entry of {@code after} that {@code before} did not have (the same day and reason,
   * spacing aside, is the same entry): what a change recorded as its reason.
   */
  public static Optional<Replan> added(List<Replan> before, List<Replan> after) {
    java.util.Set<String> known = new java.util.HashSet<>();
    before.forEach(r -> known.add(key(r)));
    return after.stream()
        .filter(r -> !known.contains(key(r)))
        .max(java.util.Comparator.comparing(Replan::on));
  }

  private static String key(Replan r) {
    return r.on() + "\n" + r.reason().strip();
  }
}
