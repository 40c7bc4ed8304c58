package io.waymark.report.chart;

import java.math.BigDecimal;

/** A vendor's weighted score as a bar from 0 to 100%, with the no-go and go thresholds ticked. */
public final class ScoreBar {

  private ScoreBar() {}

  public static String draw(
      String label, BigDecimal scorePct, BigDecimal diligence, BigDecimal go, String colour) {
    int width = 150;
    int height = 16;
    Svg svg = new Svg(width, height, "chart score-bar", label);
    double w = Math.max(0, Math.min(100, scorePct.doubleValue())) / 100 * width;
    svg.element(
        "rect", "x", 0, "y", 3, "width", width, "height", 10, "rx", 2, "fill", Palette.FAINT);
    svg.element("rect", "x", 0, "y", 3, "width", w, "height", 10, "rx", 2, "fill", colour);
    for (BigDecimal t : new BigDecimal[] {diligence, go}) {
      double tx = t.doubleValue() / 100 * width;
      svg.element(
          "line",
          "x1",
          tx,
          "y1",
          0,
          "x2",
          tx,
          "y2",
          height,
          "stroke",
          Palette.INK,
          "stroke-width",
          1.2);
    }
    return svg.finish();
  }
}
