package io.waymark.report.chart;

import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A tornado chart of a business case's sensitivity (issue 10 §4): one bar per what-if, from the NPV
 * with the driver moved down to the NPV with it moved up, widest swing on top, around a line at the
 * case's NPV; a red line marks NPV zero when it falls inside the range. The chart's {@code <desc>}
 * lists every value it draws.
 */
public final class TornadoChart {

  /**
   * One what-if.
   *
   * @param label e.g. "Benefits ±20 %"
   * @param down the NPV with the driver moved down (e.g. benefits −20 %)
   * @param up the NPV with the driver moved up
   */
  public record Bar(String label, BigDecimal down, BigDecimal up) {
    BigDecimal swing() {
      return up.subtract(down).abs();
    }
  }

  private static final int WIDTH = 680;
  private static final double LEFT = 130;
  private static final double RIGHT = WIDTH - 20;
  private static final int ROW = 26;

  private TornadoChart() {}

  public static String draw(String label, BigDecimal npv, List<Bar> bars, String currency) {
    List<Bar> rows = new ArrayList<>(bars);
    rows.sort((a, b) -> b.swing().compareTo(a.swing()));
    int height = 30 + ROW * rows.size() + 24;
    Svg svg = new Svg(WIDTH, height, "chart tornado", label);
    svg.describe(description(npv, rows, currency));
    svg.element("rect", "x", 0, "y", 0, "width", WIDTH, "height", height, "fill", "#ffffff");
    BigDecimal lo = npv;
    BigDecimal hi = npv;
    for (Bar b : rows) {
      lo = lo.min(b.down()).min(b.up());
      hi = hi.max(b.down()).max(b.up());
    }
    double min = lo.doubleValue();
    double max = hi.doubleValue();
    double pad = (max - min) * 0.18 + 1;
    double from = min - pad;
    double to = max + pad;
    double top = 24;
    double bottom = top + ROW * rows.size();
    double base = x(npv.doubleValue(), from, to);
    for (int i = 0; i < rows.size(); i++) {
      Bar b = rows.get(i);
      double y = top + ROW * i + 4;
      svg.text(
          b.label(),
          "x",
          LEFT - 8,
          "y",
          y + 13,
          "font-size",
          11,
          "fill",
          Palette.INK,
          "text-anchor",
          "end");
      double x1 = x(b.down().min(b.up()).doubleValue(), from, to);
      double x2 = x(b.down().max(b.up()).doubleValue(), from, to);
      segment(svg, b.label() + ", down", b.down(), npv, from, to, y, currency);
      segment(svg, b.label() + ", up", b.up(), npv, from, to, y, currency);
      svg.text(
          Wording.compactMoney(b.down().min(b.up()), currency),
          "x",
          x1 - 4,
          "y",
          y + 13,
          "font-size",
          10,
          "fill",
          Palette.MUTED,
          "text-anchor",
          "end");
      svg.text(
          Wording.compactMoney(b.down().max(b.up()), currency),
          "x",
          x2 + 4,
          "y",
          y + 13,
          "font-size",
          10,
          "fill",
          Palette.MUTED);
    }
    svg.element(
        "line",
        "x1",
        base,
        "y1",
        top - 4,
        "x2",
        base,
        "y2",
        bottom + 2,
        "stroke",
        Palette.INK,
        "stroke-width",
        1.5);
    svg.text(
        "NPV " + Wording.compactMoney(npv, currency),
        "x",
        base,
        "y",
        top - 8,
        "font-size",
        10,
        "fill",
        Palette.INK,
        "text-anchor",
        "middle");
    if (from < 0 && to > 0) {
      double zero = x(0, from, to);
      svg.element(
          "line",
          "x1",
          zero,
          "y1",
          top - 4,
          "x2",
          zero,
          "y2",
          bottom + 2,
          "stroke",
          Palette.RED,
          "stroke-width",
          1.5,
          "stroke-dasharray",
          "4 3");
      svg.text(
          "NPV 0",
          "x",
          zero,
          "y",
          bottom + 16,
          "font-size",
          10,
          "fill",
          Palette.RED,
          "text-anchor",
          "middle");
    }
    return svg.finish();
  }

  private static void segment(
      Svg svg,
      String name,
      BigDecimal value,
      BigDecimal npv,
      double from,
      double to,
      double y,
      String currency) {
    double a = x(npv.doubleValue(), from, to);
    double b = x(value.doubleValue(), from, to);
    double w = Math.abs(b - a);
    if (w <= 0) {
      return;
    }
    svg.titled(
        "rect",
        name + ": NPV " + Wording.money(value, currency),
        "x",
        Math.min(a, b),
        "y",
        y,
        "width",
        w,
        "height",
        18,
        "fill",
        value.compareTo(npv) < 0 ? Palette.AMBER : Palette.ACCENT);
  }

  private static double x(double v, double from, double to) {
    return LEFT + (RIGHT - LEFT) * (v - from) / (to - from);
  }

  static String description(BigDecimal npv, List<Bar> rows, String currency) {
    List<String> parts = new ArrayList<>();
    for (Bar b : rows) {
      parts.add(
          b.label()
              + ": NPV "
              + Wording.money(b.down(), currency)
              + " down, "
              + Wording.money(b.up(), currency)
              + " up");
    }
    return "NPV " + Wording.money(npv, currency) + " as planned. " + String.join("; ", parts) + ".";
  }
}
