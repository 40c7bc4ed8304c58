package io.waymark.report.text;

/**
 * Makes any text literal in Markdown (CommonMark and GitHub's dialect) wherever a template puts it:
 * {@code <} and {@code &} are written as entities, so no raw HTML or entity can form; the
 * characters that start emphasis, links, images, code, tables and strikethrough are
 * backslash-escaped; what would open a heading, a list, a block quote or a thematic break at the
 * start of the text is escaped; line breaks become spaces, so a text never leaves its table cell or
 * list item; a bidirectional-text control (an override, embedding or isolate) is replaced, so a
 * text cannot reorder what the report shows after it; an {@code @} that would mention a GitHub user
 * or team gets a zero-width space after it, so a comment or summary that shows the text notifies no
 * one. A roadmap text therefore never becomes a link with a text of its own, an image, HTML or a
 * mention in the Markdown report. (GitHub still shows a bare web address such as {@code
 * https://example.com} as a link to itself, and {@code #12} as a link to that issue, as in any
 * comment.)
 */
public final class MarkdownText {

  /**
   * Written after an {@code @} that would mention a user or team on GitHub: a mention in a comment
   * notifies them, and a backslash does not stop it. The same character Dependabot puts there.
   */
  private static final String ZERO_WIDTH_SPACE = "&#8203;";

  private MarkdownText() {}

  /**
   * Whether the {@code @} at {@code i} starts what GitHub reads as a mention ({@code @octocat},
   * {@code @org/team}): a letter or digit after it and none before it (so {@code ops@example.com}
   * stays an address).
   */
  private static boolean mention(String t, int i) {
    boolean after = i + 1 < t.length() && asciiLetterOrDigit(t.charAt(i + 1));
    boolean before = i > 0 && asciiLetterOrDigit(t.charAt(i - 1));
    return after && !before;
  }

  private static boolean asciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  public static String escape(String text) {
    String t = text.strip();
    StringBuilder out = new StringBuilder(t.length() + 16);
    int start = 0;
    // Block syntax only counts at the start of a line, which is where a value may land.
    if (!t.isEmpty()) {
      char first = t.charAt(0);
      char second = t.length() > 1 ? t.charAt(1) : ' ';
      if (first == '>') {
        out.append("&gt;");
        start = 1;
      } else if ((first == '-' || first == '+' || first == '=')
          && (Character.isWhitespace(second) || second == first)) {
        out.append('\\').append(first);
        start = 1;
      } else if (first == '#') {
        out.append("\\#");
        start = 1;
      } else if (Character.isDigit(first)) {
        int j = 0;
        while (j < t.length() && Character.isDigit(t.charAt(j))) {
          j++;
        }
        boolean marker =
            j < t.length()
                && (t.charAt(j) == '.' || t.charAt(j) == ')')
                && (j + 1 == t.length() || Character.isWhitespace(t.charAt(j + 1)));
        if (marker) {
          out.append(t, 0, j).append('\\').append(t.charAt(j));
          start = j + 1;
        }
      }
    }
    for (int i = start; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '\r', '\n', '\t', '\f', '\u000b' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '|', '~', '$' -> out.append('\\').append(c);
        case '@' -> out.append(mention(t, i) ? "@" + ZERO_WIDTH_SPACE : "@");
        default ->
            out.append(
                Character.isISOControl(c)
                    ? ' '
                    : BidiControls.is(c) ? BidiControls.REPLACEMENT : c);
      }
    }
    return out.toString();
  }
}
