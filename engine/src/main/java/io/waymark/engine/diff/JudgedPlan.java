package io.waymark.engine.diff;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.model.Plan;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A plan as it was judged: where it was read from, the as-of date, the plan and its findings. What
 * {@link PlanDiff} compares; the facade's {@code ValidationResult} is one, so that this package
 * needs nothing of the facade (the facade builds on it, not the reverse).
 */
public interface JudgedPlan {

  /** The repository folder or revision the plan was read from, as shown to the user. */
  String root();

  LocalDate asOf();

  Plan plan();

  /** The findings that count, sorted. */
  List<Finding> findings();

  /**
   * The files holding a document this plan could not judge whole, each with what is missing: the
   * plan lacks that document, or some of its items, so a comparison must not read them as removed.
   * None by default.
   */
  default Map<String, Gap> unjudgedFiles() {
    return Map.of();
  }

  /** What a plan lacks of a file's document. */
  enum Gap {
    /** The YAML reader could not read the file: the plan has none of its documents. */
    UNREADABLE("could not be read"),
    /** A document failed its schema and is not in the plan. */
    INVALID("failed its schema"),
    /** A document failed its schema in list items only: the plan has it without those items. */
    PARTLY_INVALID("failed its schema in some items");

    private final String why;

    Gap(String why) {
      this.why = why;
    }

    /** How a comparison says it: "could not be read". */
    public String why() {
      return why;
    }
  }
}
