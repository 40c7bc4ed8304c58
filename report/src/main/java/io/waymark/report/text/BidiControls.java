package io.waymark.report.text;

/**
 * The bidirectional-text controls that reorder what follows them: the embeddings and overrides
 * (U+202A to U+202E) and the isolates (U+2066 to U+2069). In a report, one written into a roadmap
 * text reorders the report's own words after it as well ("Trojan Source"), so the reports show it
 * as U+FFFD instead; right-to-left text itself needs none of them and is shown as written.
 */
public final class BidiControls {

  /** What a control is replaced by: the usual "unknown character" mark. */
  public static final char REPLACEMENT = WellFormedText.REPLACEMENT;

  private BidiControls() {}

  public static boolean is(char c) {
    return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }

  /** {@code text} with each control replaced by {@link #REPLACEMENT}; the same text without one. */
  public static String replaced(String text) {
    int i = 0;
    while (i < text.length() && !is(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (; i < out.length(); i++) {
      if (is(out.charAt(i))) {
        out.setCharAt(i, REPLACEMENT);
      }
    }
    return out.toString();
  }
}
