package io.waymark.engine.history;

import java.time.LocalDate;

/**
 * Where the readable history of a file ends early: before commit {@code from}, its versions cannot
 * be read (a shallow or grafted clone, a partial clone without the old contents, a missing or
 * corrupt Git object). The states from {@code from} on are known.
 *
 * @param kind why
 * @param file the file, relative to the roadmap folder
 * @param from the oldest commit whose version of the file is known
 * @param reason one sentence for people ("the clone is shallow: history before commit 1a2b3c4 of
 *     2027-05-06 is not available")
 */
public record HistoryGap(Kind kind, String file, Commit from, String reason) {

  /** Why the history ends early. */
  public enum Kind {
    SHALLOW,
    GRAFTED,
    PARTIAL_CLONE,
    MISSING_OBJECT,
    CORRUPT_OBJECT
  }

  /** The first day from which changes are known (the commit day of {@code from}). */
  public LocalDate knownSince() {
    return from.date();
  }

  /** How to get the missing history, in the words of the CI server the run is on. */
  public String remedy() {
    return switch (kind) {
      case SHALLOW -> FetchAdvice.unshallow(FetchAdvice.current());
      case GRAFTED -> FetchAdvice.ungraft();
      case PARTIAL_CLONE -> FetchAdvice.unfilter();
      case MISSING_OBJECT, CORRUPT_OBJECT -> FetchAdvice.repair();
    };
  }

  /** Short, for a statement: "history is shallow", "old file contents were not fetched", ... */
  public String what() {
    return switch (kind) {
      case SHALLOW -> "the history is shallow";
      case GRAFTED -> "the history is grafted";
      case PARTIAL_CLONE -> "old file contents were not fetched (partial clone)";
      case MISSING_OBJECT -> "a Git object is missing";
      case CORRUPT_OBJECT -> "a Git object is corrupt";
    };
  }
}
