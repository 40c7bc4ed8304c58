package io.waymark.report.chart;

import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The burn chart (issue 10 §1): cumulative planned spend (dashed) and actual spend (solid) by
 * month, with the milestones delivered by each month as bars against the right-hand axis. The
 * chart's {@code <desc>} lists every value it draws, for screen readers and text extraction.
 */
public final class BurnChart {

  /**
   * One month of the plan.
   *
   * @param label short label under the axis, e.g. "M5"
   * @param name the month in words for the description, e.g. "month 5 (to 3 Jun 2027)"
   * @param planned cumulative planned spend by the month's end
   * @param actual cumulative actual spend; empty after the as-of date
   * @param delivered milestones done by the month's end; empty after the as-of date
   */
  public record Month(
      String label,
      String name,
      BigDecimal planned,
      Optional<BigDecimal> actual,
      Optional<Integer> delivered) {}

  private static final int WIDTH = 680;
  private static final int HEIGHT = 250;
  private static final double LEFT = 74;
  private static final double RIGHT = WIDTH - 40;
  private static final double TOP = 14;
  private static final double BOTTOM = 196;

  private BurnChart() {}

  public static String draw(String label, List<Month> months, int milestones, String currency) {
    Svg svg = new Svg(WIDTH, HEIGHT, "chart burn", label);
    svg.describe(description(months, milestones, currency));
    svg.element("rect", "x", 0, "y", 0, "width", WIDTH, "height", HEIGHT, "fill", "#ffffff");
    if (months.isEmpty()) {
      svg.text(
          "no months to draw",
          "x",
          WIDTH / 2.0,
          "y",
          HEIGHT / 2.0,
          "font-size",
          11,
          "fill",
          Palette.MUTED,
          "text-anchor",
          "middle");
      return svg.finish();
    }
    BigDecimal max = BigDecimal.ZERO;
    for (Month m : months) {
      max = max.max(m.planned());
      if (m.actual().isPresent()) {
        max = max.max(m.actual().get());
      }
    }
    double top = max.signum() == 0 ? 1 : max.doubleValue();
    // Money axis: 0, half, full.
    for (int k = 0; k <= 2; k++) {
      double y = BOTTOM - (BOTTOM - TOP) * k / 2.0;
      svg.element(
          "line",
          "x1",
          LEFT,
          "y1",
          y,
          "x2",
          RIGHT,
          "y2",
          y,
          "stroke",
          Palette.GRID,
          "stroke-width",
          1);
      svg.text(
          Wording.compactMoney(
              max.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(2)), currency),
          "x",
          LEFT - 6,
          "y",
          y + 4,
          "font-size",
          10,
          "fill",
          Palette.MUTED,
          "text-anchor",
          "end");
    }
    // Milestones axis on the right: 0 and the total.
    svg.text(
        String.valueOf(milestones),
        "x",
        RIGHT + 6,
        "y",
        TOP + 4,
        "font-size",
        10,
        "fill",
        Palette.GREEN);
    svg.text("0", "x", RIGHT + 6, "y", BOTTOM + 4, "font-size", 10, "fill", Palette.GREEN);
    double step = (RIGHT - LEFT) / months.size();
    for (int i = 0; i < months.size(); i++) {
      Month m = months.get(i);
      double cx = LEFT + step * (i + 0.5);
      if (m.delivered().isPresent() && milestones > 0 && m.delivered().get() > 0) {
        double h = (BOTTOM - TOP) * m.delivered().get() / milestones;
        svg.titled(
            "rect",
            m.name()
                + ": "
                + Wording.count(m.delivered().get(), "milestone", "milestones")
                + " delivered",
            "x",
            cx - step * 0.3,
            "y",
            BOTTOM - h,
            "width",
            step * 0.6,
            "height",
            h,
            "fill",
            Palette.GREEN,
            "fill-opacity",
            0.25);
      }
      if (months.size() <= 18 || i % 3 == 0) {
        svg.text(
            m.label(),
            "x",
            cx,
            "y",
            BOTTOM + 16,
            "font-size",
            10,
            "fill",
            Palette.MUTED,
            "text-anchor",
            "middle");
      }
    }
    svg.element(
        "polyline",
        "points",
        line(months, step, top, true),
        "fill",
        "none",
        "stroke",
        Palette.GREY,
        "stroke-width",
        2,
        "stroke-dasharray",
        "6 4");
    String actual = line(months, step, top, false);
    if (!actual.isEmpty()) {
      svg.element(
          "polyline",
          "points",
          actual,
          "fill",
          "none",
          "stroke",
          Palette.ACCENT,
          "stroke-width",
          2.5);
      for (int i = 0; i < months.size(); i++) {
        Month m = months.get(i);
        if (m.actual().isPresent()) {
          svg.titled(
              "circle",
              m.name()
                  + ": "
                  + Wording.money(m.actual().get(), currency)
                  + " spent, "
                  + Wording.money(m.planned(), currency)
                  + " planned",
              "cx",
              LEFT + step * (i + 0.5),
              "cy",
              y(m.actual().get(), top),
              "r",
              3,
              "fill",
              Palette.ACCENT);
        }
      }
    }
    double ly = HEIGHT - 14;
    svg.element(
        "line",
        "x1",
        LEFT,
        "y1",
        ly - 4,
        "x2",
        LEFT + 24,
        "y2",
        ly - 4,
        "stroke",
        Palette.GREY,
        "stroke-width",
        2,
        "stroke-dasharray",
        "6 4");
    svg.text("Planned spend", "x", LEFT + 30, "y", ly, "font-size", 11, "fill", Palette.INK);
    svg.element(
        "line",
        "x1",
        LEFT + 140,
        "y1",
        ly - 4,
        "x2",
        LEFT + 164,
        "y2",
        ly - 4,
        "stroke",
        Palette.ACCENT,
        "stroke-width",
        2.5);
    svg.text("Actual spend", "x", LEFT + 170, "y", ly, "font-size", 11, "fill", Palette.INK);
    svg.element(
        "rect",
        "x",
        LEFT + 275,
        "y",
        ly - 10,
        "width",
        12,
        "height",
        12,
        "fill",
        Palette.GREEN,
        "fill-opacity",
        0.25);
    svg.text(
        "Milestones delivered (right axis)",
        "x",
        LEFT + 293,
        "y",
        ly,
        "font-size",
        11,
        "fill",
        Palette.INK);
    return svg.finish();
  }

  private static double y(BigDecimal amount, double top) {
    return BOTTOM - (BOTTOM - TOP) * amount.doubleValue() / top;
  }

  private static String line(List<Month> months, double step, double top, boolean planned) {
    List<String> points = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      Month m = months.get(i);
      Optional<BigDecimal> v = planned ? Optional.of(m.planned()) : m.actual();
      if (v.isPresent()) {
        points.add(Svg.num(LEFT + step * (i + 0.5)) + "," + Svg.num(y(v.get(), top)));
      }
    }
    return String.join(" ", points);
  }

  /** Every value the chart draws, in words. */
  static String description(List<Month> months, int milestones, String currency) {
    List<String> parts = new ArrayList<>();
    for (Month m : months) {
      StringBuilder b =
          new StringBuilder(m.name())
              .append(": planned ")
              .append(Wording.money(m.planned(), currency));
      m.actual().ifPresent(a -> b.append(", actual ").append(Wording.money(a, currency)));
      m.delivered()
          .ifPresent(
              d ->
                  b.append(", ")
                      .append(d)
                      .append(" of ")
                      .append(milestones)
                      .append(" milestones delivered"));
      parts.add(b.toString());
    }
    return "Cumulative spend by month. " + String.join("; ", parts) + ".";
  }
}
