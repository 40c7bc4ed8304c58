package io.waymark.engine.fix;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One replacement in a file's text: the characters from {@code start} (inclusive) to {@code end}
 * (exclusive) become {@code replacement}; {@code start == end} inserts. Offsets count UTF-16 code
 * units of the whole text (a byte order mark included); {@code from} and {@code to} are the same
 * range as an editor shows it.
 */
public record TextEdit(int start, int end, TextPosition from, TextPosition to, String replacement) {

  public TextEdit {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(replacement, "replacement");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  /**
   * {@code text} with every edit of {@code edits} applied (offsets into {@code text}, in any
   * order).
   *
   * @throws IllegalArgumentException if two edits overlap or one runs past the text
   */
  public static String applyAll(String text, List<TextEdit> edits) {
    List<TextEdit> sorted =
        edits.stream().sorted(Comparator.comparingInt(TextEdit::start)).toList();
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    for (TextEdit e : sorted) {
      if (e.start() < at || e.end() > text.length()) {
        throw new IllegalArgumentException("edits overlap or run past the text at " + e.start());
      }
      out.append(text, at, e.start()).append(e.replacement());
      at = e.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /** The edit of {@code text} from {@code start} to {@code end}, with its line and column range. */
  static TextEdit of(String text, int start, int end, String replacement) {
    return new TextEdit(
        start, end, TextPosition.of(text, start), TextPosition.of(text, end), replacement);
  }
}
