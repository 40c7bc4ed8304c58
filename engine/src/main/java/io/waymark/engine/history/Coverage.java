package io.waymark.engine.history;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * How far the available Git history answers one question asked of it ("changes since 31 March
 * 2027", "re-plans of ms-etl-wave-1", "plan changes in the last six months"): fully, partly (the
 * history ends early: a shallow or grafted clone, a partial clone, a missing object) or not at all
 * (no Git). Every statement derived from history carries one, so that missing history never reads
 * as "nothing changed".
 *
 * @param question what was asked, in words ("roadmap changes since 31 March 2027")
 * @param extent full, partial or none
 * @param gap where the history ends, when partial
 * @param since the start of the period asked about, when the question has one
 * @param reason why there is no history, when none
 */
public record Coverage(
    String question,
    Extent extent,
    Optional<HistoryGap> gap,
    Optional<LocalDate> since,
    Optional<String> reason) {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** How much of the question the history answers. */
  public enum Extent {
    FULL,
    PARTIAL,
    NONE
  }

  public static Coverage full(String question) {
    return new Coverage(
        question, Extent.FULL, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Coverage none(String question, String reason) {
    return new Coverage(
        question, Extent.NONE, Optional.empty(), Optional.empty(), Optional.of(reason));
  }

  public static Coverage partial(String question, HistoryGap gap, Optional<LocalDate> since) {
    return new Coverage(question, Extent.PARTIAL, Optional.of(gap), since, Optional.empty());
  }

  public boolean complete() {
    return extent == Extent.FULL;
  }

  /**
   * What cannot be told and why, with the remedy: "the history is shallow before 6 May 2027 (commit
   * 783f747): changes between 31 March 2027 and 6 May 2027 cannot be shown; Fetch the full history
   * ..."; empty when the coverage is full.
   */
  public Optional<String> statement() {
    return switch (extent) {
      case FULL -> Optional.empty();
      case NONE -> Optional.of(question + " cannot be answered: " + reason.orElse("no history"));
      case PARTIAL -> {
        HistoryGap g = gap.orElseThrow();
        String before = day(g.knownSince());
        String unknown =
            since.isPresent()
                ? "changes between " + day(since.get()) + " and " + before + " cannot be shown"
                : "changes before " + before + " cannot be counted";
        yield Optional.of(
            g.what()
                + " before "
                + before
                + (g.from().id().isEmpty() ? "" : " (commit " + g.from().shortId() + ")")
                + ": "
                + unknown
                + " ("
                + question
                + ")");
      }
    };
  }

  /** "6 May 2027". */
  public static String day(LocalDate date) {
    return DAY.format(date);
  }
}
