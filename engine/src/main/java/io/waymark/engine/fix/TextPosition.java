package io.waymark.engine.fix;

/**
 * A place in a file's text as an editor counts it: a 1-based line and a 1-based column counted in
 * UTF-16 code units (a language server's {@code character} is {@code column - 1}). A byte order
 * mark at the start of the file is not counted, as in findings.
 */
public record TextPosition(int line, int column) {

  public TextPosition {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** The position of character offset {@code offset} in {@code text}. */
  static TextPosition of(String text, int offset) {
    int line = 1;
    int lineStart = text.startsWith("\uFEFF") ? 1 : 0;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new TextPosition(line, Math.max(offset, lineStart) - lineStart + 1);
  }
}
