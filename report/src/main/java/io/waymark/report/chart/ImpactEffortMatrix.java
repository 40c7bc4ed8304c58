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
  private static final double X0 = 64;
  private static final double Y0 = 30;
  private static final double CELL_W = 84;
  private static final double CELL_H = 70;

  /** The smallest slot of one circle: room for its circle and its two- or three-digit number. */
  static final double SLOT_W = 21;

  static final double SLOT_H = 21;

  /** Most circles side by side in a cell ({@code CELL_W / SLOT_W}). */
  private static final int MAX_COLS = 4;

  private ImpactEffortMatrix() {}

  /** A dot where the layout put it. */
  public record Placed(Dot dot, double cx, double cy, double r) {}

  /**
   * Where everything goes: each impact row's top edge (impact 5 first, then 4 … 1, then the grid's
   * bottom), and every dot's circle.
   */
  public record Layout(double[] rowTop, List<Placed> dots) {

    /** The grid's bottom edge. */
    public double bottom() {
      return rowTop[5];
    }

    double rowOf(int impact) {
      return rowTop[5 - impact];
    }

    double heightOf(int impact) {
      return rowTop[6 - impact] - rowTop[5 - impact];
    }
  }

  /**
   * Lays the dots out so that no two circles and no two numbers overlap, however many share a cell
   * (issue 15: 60 initiatives stay readable). A cell's dots fill a grid of up to four columns, one
   * slot each; an impact row grows taller when one of its cells needs more rows of slots than fit;
   * each circle's area follows its budget, capped to its slot.
   */
  public static Layout layout(List<Dot> dots) {
    Map<String, List<Dot>> cells = new LinkedHashMap<>();
    int[] rowsNeeded = new int[6];
    for (Dot d : dots) {
      cells
          .computeIfAbsent(clamp(d.impact()) + "/" + clamp(d.effort()), k -> new ArrayList<>())
          .add(d);
    }
    for (List<Dot> cell : cells.values()) {
      int impact = clamp(cell.get(0).impact());
      int cols = columns(cell.size());
      rowsNeeded[impact] =
          Math.max(rowsNeeded[impact], (int) Math.ceil(cell.size() / (double) cols));
    }
    double[] rowTop = new double[6];
    rowTop[0] = Y0;
    for (int impact = 5; impact >= 1; impact--) {
      double h = Math.max(CELL_H, rowsNeeded[impact] * SLOT_H + 4);
      rowTop[6 - impact] = rowTop[5 - impact] + h;
    }
    Layout layout = new Layout(rowTop, new ArrayList<>());
    double max = 0;
    for (Dot d : dots) {
      max = Math.max(max, d.budget().doubleValue());
    }
    for (List<Dot> cell : cells.values()) {
      int n = cell.size();
      int impact = clamp(cell.get(0).impact());
      int cols = columns(n);
      int rows = (int) Math.ceil(n / (double) cols);
      double slotW = CELL_W / cols;
      double slotH = layout.heightOf(impact) / rows;
      double maxR = Math.min(slotW, slotH) / 2 - 1.5;
      double cellX = X0 + (clamp(cell.get(0).effort()) - 1) * CELL_W;
      double cellY = layout.rowOf(impact);
      for (int k = 0; k < n; k++) {
        Dot d = cell.get(k);
        int col = k % cols;
        int row = k / cols;
        int inRow = Math.min(cols, n - row * cols);
        double cx = cellX + CELL_W / 2 + (col - (inRow - 1) / 2.0) * slotW;
        double cy = cellY + (row + 0.5) * slotH;
        double r = max <= 0 ? 8 : 8 + 16 * Math.sqrt(d.budget().doubleValue() / max);
        layout.dots().add(new Placed(d, cx, cy, Math.min(r, maxR)));
      }
    }
    return layout;
  }

  /** Columns of a cell's grid: a square-ish grid, at most four across. */
  private static int columns(int n) {
    return Math.max(1, Math.min(MAX_COLS, (int) Math.ceil(Math.sqrt(n))));
  }

  public static String draw(String label, List<Dot> dots, List<LegendEntry> legend) {
    Layout layout = layout(dots);
    double x1 = X0 + 5 * CELL_W;
    double y1 = layout.bottom();
    int height = (int) Math.ceil(Math.max(y1 + 44, Y0 + 200));
    Svg svg = new Svg(WIDTH, height, "chart matrix", label);
    svg.describe(
        dots.isEmpty()
            ? "no initiatives."
            : String.join("; ", dots.stream().map(Dot::title).toList()) + ".");
    svg.element("rect", "x", 0, "y", 0, "width", WIDTH, "height", height, "fill", "#ffffff");
    // Quadrants: high impact and low effort first. Their names sit outside the grid, above and
    // below it, where no circle can cover them.
    double midX = X0 + 2.5 * CELL_W;
    double midY = layout.rowOf(3) + layout.heightOf(3) / 2;
    svg.element(
        "rect", "x", X0, "y", Y0, "width", midX - X0, "height", midY - Y0, "fill", "#e8f5ec");
    svg.element(
        "rect", "x", midX, "y", Y0, "width", x1 - midX, "height", midY - Y0, "fill", "#eef3fa");
    svg.element(
        "rect", "x", X0, "y", midY, "width", midX - X0, "height", y1 - midY, "fill", "#f6f8fa");
    svg.element(
        "rect", "x", midX, "y", midY, "width", x1 - midX, "height", y1 - midY, "fill", "#fbf1f1");
    quadrant(svg, "Quick wins: do first", X0, Y0 - 8, "start");
    quadrant(svg, "Major projects", x1, Y0 - 8, "end");
    quadrant(svg, "Fill-ins", X0, y1 + 33, "start");
    quadrant(svg, "Questionable", x1, y1 + 33, "end");
    for (int i = 0; i <= 5; i++) {
      double gx = X0 + i * CELL_W;
      double gy = layout.rowTop()[i];
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
          layout.rowOf(v) + layout.heightOf(v) / 2 + 4,
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

    for (Placed p : layout.dots()) {
      Dot d = p.dot();
      svg.titled(
          "circle",
          d.title(),
          "cx",
          p.cx(),
          "cy",
          p.cy(),
          "r",
          p.r(),
          "fill",
          d.colour(),
          "stroke",
          "#ffffff",
          "stroke-width",
          1.5);
      svg.text(
          d.number(),
          "x",
          p.cx(),
          "y",
          p.cy() + 4,
          "font-size",
          d.number().length() > 2 ? 10 : 11,
          "font-weight",
          "bold",
          "fill",
          Palette.textOn(d.colour()),
          "text-anchor",
          "middle");
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
