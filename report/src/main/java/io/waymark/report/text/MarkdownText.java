package io.waymark.report.text;

/**
 * Makes any text literal in Markdown (CommonMark and GitHub's dialect) wherever a template puts it:
 * {@code <} and {@code &} are written as entities, so no raw HTML or entity can form; the
 * characters that start emphasis, links, images, code, tables and strikethrough are
 * backslash-escaped; what would open a heading, a list, a block quote or a thematic break at the
 * start of the text is escaped; line breaks become spaces, so a text never leaves its table cell or
 * list item; a bidirectional-text control (an override, embedding or isolate) is replaced, so a
 * text cannot reorder what the report shows after it. A roadmap text therefore never becomes a
 * link, an image or HTML in the Markdown report.
 */
public final class MarkdownText {

  private MarkdownText() {}

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
