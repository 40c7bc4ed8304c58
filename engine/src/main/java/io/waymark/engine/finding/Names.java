package io.waymark.engine.finding;

import java.util.List;

/**
 * Lists of names in findings and explanations, shortened the same way everywhere: a message on a
 * portfolio of thousands of documents names the first few and counts the rest.
 */
public final class Names {

  private Names() {}

  /** The first {@code limit} of {@code names}, comma-separated, then "and N more" when longer. */
  public static String firstOf(List<String> names, int limit) {
    if (names.size() <= limit) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, limit)) + " and " + (names.size() - limit) + " more";
  }
}
