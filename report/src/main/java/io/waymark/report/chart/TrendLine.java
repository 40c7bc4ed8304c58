package io.waymark.report.chart;

import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A metric's trend line: its data points over time, the baseline (dotted) and the target (dashed),
 * the latest value marked and labelled.
 */
public final class TrendLine {

  /** One observation of the current metrics file. */
  public record Point(LocalDate date, BigDecimal value) {}

  private TrendLine() {}

  public static String draw(
      String label,
      List<Point> points,
      Optional<BigDecimal> baseline,
      Optional<BigDecimal> target,
      String latestText,
      String colour,
      int width,
      int height) {
    Svg svg = new Svg(width, height, "chart trend", label);
    double left = 6;
    double right = width - 6;
    double top = 14;
    double bottom = height - 16;
    if (points.isEmpty()) {
      svg.element(
          "line",
          "x1",
          left,
          "y1",
          (top + bottom) / 2,
          "x2",
          right,
          "y2",
          (top + bottom) / 2,
          "stroke",
          Palette.GRID,
          "stroke-width",
          1,
          "stroke-dasharray",
          "3 3");
      svg.text(
          "no data yet",
          "x",
          width / 2.0,
          "y",
          (top + bottom) / 2 - 4,
          "font-size",
          11,
          "fill",
          Palette.MUTED,
          "text-anchor",
          "middle");
      return svg.finish();
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Point p : points) {
      min = Math.min(min, p.value().doubleValue());
      max = Math.max(max, p.value().doubleValue());
    }
    if (baseline.isPresent()) {
      min = Math.min(min, baseline.get().doubleValue());
      max = Math.max(max, baseline.get().doubleValue());
    }
    if (target.isPresent()) {
      min = Math.min(min, target.get().doubleValue());
      max = Math.max(max, target.get().doubleValue());
    }
    if (max - min < 1e-9) {
      max = max + 1;
      min = min - 1;
    }
    double pad = (max - min) * 0.08;
    double lo = min - pad;
    double hi = max + pad;
    LocalDate first = points.get(0).date();
    LocalDate last = points.get(points.size() - 1).date();
    long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
    // Leave room on the right for the latest value's label.
    double plotRight = right - 58;
    java.util.function.DoubleUnaryOperator y = v -> bottom - (v - lo) / (hi - lo) * (bottom - top);
    java.util.function.Function<LocalDate, Double> x =
        d ->
            points.size() == 1
                ? (left + plotRight) / 2
                : left + ChronoUnit.DAYS.between(first, d) / (double) span * (plotRight - left);

    svg.element("rect", "x", 0, "y", 0, "width", width, "height", height, "fill", "#ffffff");
    if (target.isPresent()) {
      double ty = y.applyAsDouble(target.get().doubleValue());
      svg.element(
          "line",
          "x1",
          left,
          "y1",
          ty,
          "x2",
          plotRight,
          "y2",
          ty,
          "stroke",
          Palette.GREEN,
          "stroke-width",
          1.2,
          "stroke-dasharray",
          "5 3");
      svg.text(
          "target",
          "x",
          left,
          "y",
          ty + (ty < top + 10 ? 11 : -3),
          "font-size",
          10,
          "fill",
          Palette.GREEN);
    }
    if (baseline.isPresent()) {
      double by = y.applyAsDouble(baseline.get().doubleValue());
      svg.element(
          "line",
          "x1",
          left,
          "y1",
          by,
          "x2",
          plotRight,
          "y2",
          by,
          "stroke",
          Palette.GREY,
          "stroke-width",
          1,
          "stroke-dasharray",
          "2 3");
    }
    StringBuilder path = new StringBuilder();
    for (Point p : points) {
      path.append(path.length() == 0 ? "M" : " L")
          .append(Svg.num(x.apply(p.date())))
          .append(' ')
          .append(Svg.num(y.applyAsDouble(p.value().doubleValue())));
    }
    svg.element(
        "path",
        "d",
        path.toString(),
        "fill",
        "none",
        "stroke",
        colour,
        "stroke-width",
        2,
        "stroke-linejoin",
        "round",
        "stroke-linecap",
        "round");
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      boolean latest = i == points.size() - 1;
      svg.titled(
          "circle",
          Wording.shortDate(p.date()) + ": " + Wording.number(p.value(), 2),
          "cx",
          x.apply(p.date()),
          "cy",
          y.applyAsDouble(p.value().doubleValue()),
          "r",
          latest ? 3.6 : 2.4,
          "fill",
          colour,
          "stroke",
          colour,
          "stroke-width",
          1.4);
    }
    Point latest = points.get(points.size() - 1);
    double ly = y.applyAsDouble(latest.value().doubleValue());
    svg.text(
        latestText,
        "x",
        x.apply(latest.date()) + 7,
        "y",
        ly + 4,
        "font-size",
        11,
        "font-weight",
        "bold",
        "fill",
        Palette.INK);
    svg.text(
        Wording.month(first), "x", left, "y", height - 3, "font-size", 10, "fill", Palette.MUTED);
    if (points.size() > 1) {
      svg.text(
          Wording.month(last),
          "x",
          plotRight,
          "y",
          height - 3,
          "font-size",
          10,
          "fill",
          Palette.MUTED,
          "text-anchor",
          "end");
    }
    return svg.finish();
  }
}
