package io.waymark.report.chart;

/** Red, amber, green health, plus "none" where there is nothing to judge. */
public enum Rag {
  RED("Red", Palette.RED),
  AMBER("Amber", Palette.AMBER),
  GREEN("Green", Palette.GREEN),
  NONE("No data", Palette.GREY);

  private final String label;
  private final String colour;

  Rag(String label, String colour) {
    this.label = label;
    this.colour = colour;
  }

  public String label() {
    return label;
  }

  public String colour() {
    return colour;
  }

  /** The CSS class suffix: {@code red}, {@code amber}, {@code green}, {@code none}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The worse of two. */
  public Rag worse(Rag other) {
    return rank() <= other.rank() ? this : other;
  }

  private int rank() {
    return switch (this) {
      case RED -> 0;
      case AMBER -> 1;
      case NONE -> 2;
      case GREEN -> 3;
    };
  }
}
