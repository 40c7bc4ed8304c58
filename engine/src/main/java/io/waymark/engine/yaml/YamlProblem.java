package io.waymark.engine.yaml;

/** A file that is not acceptable YAML: what is wrong, where (1-based), and how to fix it. */
public final class YamlProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String hint;

  public YamlProblem(String message, int line, int column, String hint) {
    super(message);
    this.line = Math.max(1, line);
    this.column = Math.max(1, column);
    this.hint = hint;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String hint() {
    return hint;
  }
}
