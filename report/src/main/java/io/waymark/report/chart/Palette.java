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

  /**
   * The text colour for a label on {@code fill} (a {@code #rrggbb} colour): white where it reaches
   * 4.5:1 against the fill (WCAG's contrast for normal text), else ink.
   */
  public static String textOn(String fill) {
    return contrast(fill, "#ffffff") >= 4.5 ? "#ffffff" : INK;
  }

  /** WCAG 2 contrast ratio of two {@code #rrggbb} colours. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

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
