package io.waymark.report.chart;

/**
 * The colours of every chart, chosen to stay apart for common colour-vision deficiencies and to
 * print well: RAG (with a label or shape next to the colour, never colour alone) and the four
 * budget categories of 70-20-10.
 */
public final class Palette {

  public static final String GREEN = "#1a7f37";
  public static final String AMBER = "#c27c00";
  public static final String RED = "#c62828";
  public static final String GREY = "#8c959f";
  public static final String INK = "#1f2328";
  public static final String MUTED = "#57606a";
  public static final String GRID = "#d0d7de";
  public static final String FAINT = "#f0f3f6";
  public static final String ACCENT = "#0a4f8f";
  public static final String TODAY = "#d1242f";

  public static final String CONSTRAINT_REMOVAL = "#0a4f8f";
  public static final String QUICK_WIN = "#3b8fd6";
  public static final String FOUNDATION = "#8a5a00";
  public static final String EXPERIMENTATION = "#8e44ad";

  private Palette() {}

  /** The colour of an initiative category id (kebab-case). */
  public static String category(String id) {
    return switch (id) {
      case "constraint-removal" -> CONSTRAINT_REMOVAL;
      case "quick-win" -> QUICK_WIN;
      case "foundation" -> FOUNDATION;
      case "experimentation" -> EXPERIMENTATION;
      default -> GREY;
    };
  }
}
