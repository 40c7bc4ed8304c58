package io.waymark.engine;

import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.Commit;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Waymark#compare} found: the plan diff (plan changes, new, changed and fixed
 * findings), the head's validation (with its history) and what each side is.
 */
public record Comparison(PlanDiff diff, ValidationResult head, Side baseSide, Side headSide) {

  public Comparison {
    Objects.requireNonNull(diff, "diff");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(baseSide, "baseSide");
    Objects.requireNonNull(headSide, "headSide");
  }

  /**
   * One side of a comparison.
   *
   * @param revision the revision as the user named it; empty for the working tree
   * @param commit the commit compared (for a base: the merge-base, or the tip)
   * @param tip the base's tip when the merge-base is another commit
   * @param mergeBase true when the base is the merge-base of the head and the named base
   * @param note what the user should know about how the base was chosen
   */
  public record Side(
      Optional<String> revision,
      Optional<Commit> commit,
      Optional<Commit> tip,
      boolean mergeBase,
      Optional<String> note) {

    public Side(Optional<String> revision, Optional<Commit> commit) {
      this(revision, commit, Optional.empty(), false, Optional.empty());
    }

    public static Side workTree() {
      return new Side(Optional.empty(), Optional.empty());
    }

    /**
     * "origin/main (1a2b3c4, 2027-05-02)", "the merge-base 1a2b3c4 (2027-05-02) of origin/main (at
     * 9f8e7d6)" or "the working tree".
     */
    public String describe() {
      if (revision.isEmpty()) {
        return "the working tree";
      }
      if (tip.isPresent() && commit.isPresent()) {
        Commit c = commit.get();
        return "the merge-base "
            + c.shortId()
            + " ("
            + c.date()
            + ") of "
            + revision.get()
            + " (at "
            + tip.get().shortId()
            + ")";
      }
      return revision.get()
          + commit.map(c -> " (" + c.shortId() + ", " + c.date() + ")").orElse("");
    }
  }

  /**
   * True when the change adds a finding at or above {@code threshold}, or makes a finding the base
   * already had more severe and at or above it; never for an empty threshold.
   */
  public boolean fails(Optional<Severity> threshold) {
    if (threshold.isEmpty()) {
      return false;
    }
    return diff.newFindings().stream()
            .map(Finding::severity)
            .anyMatch(s -> s.atLeast(threshold.get()))
        || diff.changedFindings().stream()
            .anyMatch(c -> c.worse() && c.after().severity().atLeast(threshold.get()));
  }
}
