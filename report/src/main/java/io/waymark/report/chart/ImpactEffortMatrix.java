package io.waymark.report.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prioritisation matrix: initiatives placed by effort (across) and impact (up), each a circle
 * whose area follows its budget and whose colour is its category, numbered to match the table
 * beside the chart. Initiatives that share a cell are spread within it instead of overlapping.
 */
public final class ImpactEffortMatrix {

  /** One initiative on the matrix. */
  public record Dot(
      String number, int impact, int effort, BigDecimal budget, String colour, String title) {}

  /** A legend entry: category name and colour. */
  public record LegendEntry(String text, String colour) {}

  private static final int WIDTH = 680;
  private static final int HEIGHT = 410;
  private static final double X0 = 64;
  private static final double Y0 = 14;
  private static final double CELL_W = 84;
  private static final double CELL_H = 70;

  private ImpactEffortMatrix() {}

  public static String draw(String label, List<Dot> dots, List<LegendEntry> legend) {
    Svg svg = new Svg(WIDTH, HEIGHT, "chart matrix", label);
    svg.describe(
        dots.isEmpty()
            ? "no initiatives."
            : String.join("; ", dots.stream().map(Dot::title).toList()) + ".");
    double x1 = X0 + 5 * CELL_W;
    double y1 = Y0 + 5 * CELL_H;
    svg.element("rect", "x", 0, "y", 0, "width", WIDTH, "height", HEIGHT, "fill", "#ffffff");
    // Quadrants: high impact and low effort first.
    double midX = X0 + 2.5 * CELL_W;
    double midY = Y0 + 2.5 * CELL_H;
    svg.element(
        "rect", "x", X0, "y", Y0, "width", midX - X0, "height", midY - Y0, "fill", "#e8f5ec");
    svg.element(
        "rect", "x", midX, "y", Y0, "width", x1 - midX, "height", midY - Y0, "fill", "#eef3fa");
    svg.element(
        "rect", "x", X0, "y", midY, "width", midX - X0, "height", y1 - midY, "fill", "#f6f8fa");
    svg.element(
        "rect", "x", midX, "y", midY, "width", x1 - midX, "height", y1 - midY, "fill", "#fbf1f1");
    quadrant(svg, "Quick wins: do first", X0 + 6, Y0 + 14, "start");
    quadrant(svg, "Major projects", x1 - 6, Y0 + 14, "end");
    quadrant(svg, "Fill-ins", X0 + 6, y1 - 6, "start");
    quadrant(svg, "Questionable", x1 - 6, y1 - 6, "end");
    for (int i = 0; i <= 5; i++) {
      double gx = X0 + i * CELL_W;
      double gy = Y0 + i * CELL_H;
      svg.element(
          "line",
          "x1",
          gx,
          "y1",
          Y0,
          "x2",
          gx,
          "y2",
          y1,
          "stroke",
          Palette.GRID,
          "stroke-width",
          i == 0 || i == 5 ? 1.2 : 0.6);
      svg.element(
          "line",
          "x1",
          X0,
          "y1",
          gy,
          "x2",
          x1,
          "y2",
          gy,
          "stroke",
          Palette.GRID,
          "stroke-width",
          i == 0 || i == 5 ? 1.2 : 0.6);
    }
    svg.element(
        "line",
        "x1",
        midX,
        "y1",
        Y0,
        "x2",
        midX,
        "y2",
        y1,
        "stroke",
        Palette.MUTED,
        "stroke-width",
        1,
        "stroke-dasharray",
        "4 3");
    svg.element(
        "line",
        "x1",
        X0,
        "y1",
        midY,
        "x2",
        x1,
        "y2",
        midY,
        "stroke",
        Palette.MUTED,
        "stroke-width",
        1,
        "stroke-dasharray",
        "4 3");
    for (int v = 1; v <= 5; v++) {
      svg.text(
          String.valueOf(v),
          "x",
          X0 + (v - 0.5) * CELL_W,
          "y",
          y1 + 15,
          "font-size",
          11,
          "fill",
          Palette.MUTED,
          "text-anchor",
          "middle");
      svg.text(
          String.valueOf(v),
          "x",
          X0 - 8,
          "y",
          Y0 + (5 - v + 0.5) * CELL_H + 4,
          "font-size",
          11,
          "fill",
          Palette.MUTED,
          "text-anchor",
          "end");
    }
    svg.text(
        "Effort (1 low, 5 high)",
        "x",
        (X0 + x1) / 2,
        "y",
        y1 + 33,
        "font-size",
        11.5,
        "font-weight",
        "bold",
        "fill",
        Palette.INK,
        "text-anchor",
        "middle");
    double labelY = (Y0 + y1) / 2;
    svg.text(
        "Impact (1 low, 5 high)",
        "x",
        16,
        "y",
        labelY,
        "font-size",
        11.5,
        "font-weight",
        "bold",
        "fill",
        Palette.INK,
        "text-anchor",
        "middle",
        "transform",
        "rotate(-90 16 " + Svg.num(labelY) + ")");

    double max = 0;
    for (Dot d : dots) {
      max = Math.max(max, d.budget().doubleValue());
    }
    Map<String, List<Dot>> cells = new LinkedHashMap<>();
    for (Dot d : dots) {
      cells
          .computeIfAbsent(clamp(d.impact()) + "/" + clamp(d.effort()), k -> new ArrayList<>())
          .add(d);
    }
    for (List<Dot> cell : cells.values()) {
      int n = cell.size();
      int cols = (int) Math.ceil(Math.sqrt(n));
      int rows = (int) Math.ceil(n / (double) cols);
      double maxR = Math.min(CELL_W / cols, CELL_H / rows) / 2 - 2;
      for (int k = 0; k < n; k++) {
        Dot d = cell.get(k);
        double cx = X0 + (clamp(d.effort()) - 0.5) * CELL_W;
        double cy = Y0 + (5 - clamp(d.impact()) + 0.5) * CELL_H;
        if (n > 1) {
          int col = k % cols;
          int row = k / cols;
          int inRow = Math.min(cols, n - row * cols);
          cx += (col - (inRow - 1) / 2.0) * (CELL_W / cols);
          cy += (row - (rows - 1) / 2.0) * (CELL_H / rows);
        }
        double r = max <= 0 ? 8 : 8 + 16 * Math.sqrt(d.budget().doubleValue() / max);
        r = Math.min(r, maxR);
        svg.titled(
            "circle",
            d.title(),
            "cx",
            cx,
            "cy",
            cy,
            "r",
            r,
            "fill",
            d.colour(),
            "stroke",
            "#ffffff",
            "stroke-width",
            1.5);
        svg.text(
            d.number(),
            "x",
            cx,
            "y",
            cy + 4,
            "font-size",
            11,
            "font-weight",
            "bold",
            "fill",
            "#ffffff",
            "text-anchor",
            "middle");
      }
    }
    double lx = x1 + 22;
    double ly = Y0 + 10;
    svg.text(
        "Category",
        "x",
        lx,
        "y",
        ly,
        "font-size",
        11.5,
        "font-weight",
        "bold",
        "fill",
        Palette.INK);
    for (LegendEntry e : legend) {
      ly += 22;
      svg.element("circle", "cx", lx + 7, "cy", ly - 4, "r", 7, "fill", e.colour());
      svg.text(e.text(), "x", lx + 20, "y", ly, "font-size", 11, "fill", Palette.INK);
    }
    ly += 34;
    svg.text(
        "Circle area: budget",
        "x",
        lx,
        "y",
        ly,
        "font-size",
        11.5,
        "font-weight",
        "bold",
        "fill",
        Palette.INK);
    svg.text(
        "Numbers: see the table", "x", lx, "y", ly + 18, "font-size", 11, "fill", Palette.MUTED);
    return svg.finish();
  }

  private static int clamp(int v) {
    return Math.max(1, Math.min(5, v));
  }

  private static void quadrant(Svg svg, String text, double x, double y, String anchor) {
    svg.text(
        text,
        "x",
        x,
        "y",
        y,
        "font-size",
        10.5,
        "fill",
        Palette.MUTED,
        "text-anchor",
        anchor,
        "font-style",
        "italic");
  }
}
