package io.waymark.report.view;

import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.util.List;

/**
 * The rows a report lists of a list that grows with the number of documents, and the sentence that
 * says how many it leaves out and where the whole list is. The appendix set the pattern (at most
 * {@link QuarterlyReview.Appendix#MAX_ROWS} findings, then a note naming the JSON output).
 */
final class Shortlist {

  /** Where the JSON output is, for the sentences that point to it. */
  static final String JSON = "waymark.json from waymark ci, or waymark validate --format json";

  private Shortlist() {}

  /** The first {@code max} items of {@code items}. */
  static <T> List<T> head(List<T> items, int max) {
    return items.size() <= max ? items : List.copyOf(items.subList(0, max));
  }

  /**
   * "… and 3,400 more business cases, not listed here: {@code where}." for the {@code total -
   * shown} items left out; {@link QuarterlyReview.More#NONE} when none is.
   */
  static QuarterlyReview.More more(
      int total, int shown, String singular, String plural, String where) {
    int left = total - shown;
    if (left <= 0) {
      return QuarterlyReview.More.NONE;
    }
    return new QuarterlyReview.More(
        left,
        "… and "
            + Wording.number(BigDecimal.valueOf(left), 0)
            + " more "
            + (left == 1 ? singular : plural)
            + ", not listed here: "
            + where
            + ".");
  }
}
