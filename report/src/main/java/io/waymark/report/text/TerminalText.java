package io.waymark.report.text;

/**
 * Makes a value from a roadmap (a file name, a title, a message that quotes one) safe to print in
 * human output: a line break, a control character, an escape sequence or a bidirectional-text
 * control is shown as a visible escape ({@code \n}, {@code \x1b}, {@code \u202e}) instead of acting
 * on the terminal or the CI log. A file named {@code "x\n::error ::y.yaml"} therefore can never
 * start a line of its own, and only Waymark itself writes colour codes.
 */
public final class TerminalText {

  private TerminalText() {}

  /** {@code text} on one line, every control character escaped. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /**
   * {@code text} with every control character escaped except the line feeds that separate its lines
   * (for multi-line texts Waymark itself composed, such as a rule's rationale).
   */
  public static String escapeKeepingLines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLines) {
    if (text == null) {
      return "";
    }
    if (clean(text, keepLines)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(i + 1));
        i++;
      } else if (c == '\n' && keepLines) {
        out.append(c);
      } else if (!unsafe(c)) {
        out.append(c);
      } else {
        switch (c) {
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x100) {
              out.append(String.format("\\x%02x", (int) c));
            } else {
              out.append(String.format("\\u%04x", (int) c));
            }
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean clean(String text, boolean keepLines) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c) && !(keepLines && c == '\n')) {
        return false;
      }
    }
    return true;
  }

  /**
   * C0 and C1 controls (line breaks, escape, tab), DEL, the Unicode line and paragraph separators,
   * the bidirectional controls that reorder what a reader sees, the byte order mark and the
   * non-characters, and every surrogate (a paired one is let through by the caller).
   */
  private static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u2028' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\ufeff'
        || c == '\ufffe'
        || c == '\uffff'
        || Character.isSurrogate(c);
  }
}
