package io.waymark.report.chart;

import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The roadmap as a Gantt chart: one row per phase with its bar, its milestones (circles on the
 * row's lower line) and its gate (a diamond at the end of the bar), month ticks, the reported
 * quarter shaded, and today's date as a vertical line.
 */
public final class Timeline {

  /** A milestone or gate on a row. */
  public record Marker(LocalDate date, boolean gate, String colour, boolean hollow, String title) {}

  /** One phase: label, bar from start to end, bar colour, markers. */
  public record Row(
      String label,
      String detail,
      LocalDate start,
      LocalDate end,
      String fill,
      List<Marker> markers) {}

  /** A legend entry: a marker shape and colour with its meaning. */
  public record LegendEntry(String text, String colour, boolean gate, boolean hollow) {}

  private static final int WIDTH = 720;
  private static final double LABEL_WIDTH = 150;
  private static final double ROW = 52;
  private static final double TOP = 46;

  /** Month lines drawn at most, whatever the span. */
  static final int MAX_TICKS = 240;

  private Timeline() {}

  public static String draw(
      String label,
      LocalDate from,
      LocalDate to,
      List<Row> rows,
      LocalDate today,
      LocalDate shadeFrom,
      LocalDate shadeTo,
      String shadeLabel,
      List<LegendEntry> legend) {
    int height = (int) (TOP + rows.size() * ROW + 46);
    Svg svg = new Svg(WIDTH, height, "chart timeline", label);
    double x0 = LABEL_WIDTH;
    double x1 = WIDTH - 12;
    long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
    java.util.function.Function<LocalDate, Double> x =
        d -> {
          long n = ChronoUnit.DAYS.between(from, d);
          n = Math.max(0, Math.min(days, n));
          return x0 + n / (double) days * (x1 - x0);
        };
    double bottom = TOP + rows.size() * ROW;
    svg.element("rect", "x", 0, "y", 0, "width", WIDTH, "height", height, "fill", "#ffffff");
    // The reported quarter.
    if (!shadeTo.isBefore(from) && !shadeFrom.isAfter(to)) {
      double sx = x.apply(shadeFrom);
      double ex = x.apply(shadeTo.plusDays(1));
      svg.element(
          "rect",
          "x",
          sx,
          "y",
          TOP - 22,
          "width",
          Math.max(1, ex - sx),
          "height",
          bottom - TOP + 22,
          "fill",
          "#eaf2fb");
      svg.text(
          shadeLabel,
          "x",
          (sx + ex) / 2,
          "y",
          TOP - 10,
          "font-size",
          10,
          "fill",
          Palette.ACCENT,
          "text-anchor",
          "middle",
          "font-weight",
          "bold");
    }
    // Month grid, labelled every third month.
    // Ticks from the first of the start month (drawn at the start when the plan starts mid-month).
    LocalDate month = from.withDayOfMonth(1);
    // The schema caps a plan at 120 months; should a caller pass a longer span, ticks thin out so
    // that the chart never holds more than MAX_TICKS month lines.
    long span = ChronoUnit.MONTHS.between(month, to) + 1;
    long step = Math.max(1, (span + MAX_TICKS - 1) / MAX_TICKS);
    int i = 0;
    while (!month.isAfter(to)) {
      double mx = x.apply(month);
      svg.element(
          "line",
          "x1",
          mx,
          "y1",
          TOP - 4,
          "x2",
          mx,
          "y2",
          bottom,
          "stroke",
          Palette.FAINT,
          "stroke-width",
          1);
      if (i % 3 == 0 && mx + 52 <= WIDTH) {
        svg.element(
            "line",
            "x1",
            mx,
            "y1",
            TOP - 4,
            "x2",
            mx,
            "y2",
            bottom,
            "stroke",
            Palette.GRID,
            "stroke-width",
            1);
        svg.text(
            Wording.month(month),
            "x",
            mx + 2,
            "y",
            bottom + 14,
            "font-size",
            10,
            "fill",
            Palette.MUTED);
      }
      month = month.plusMonths(step);
      i++;
    }
    double y = TOP;
    for (Row row : rows) {
      svg.text(
          row.label(),
          "x",
          0,
          "y",
          y + 15,
          "font-size",
          11.5,
          "font-weight",
          "bold",
          "fill",
          Palette.INK);
      svg.text(row.detail(), "x", 0, "y", y + 30, "font-size", 10, "fill", Palette.MUTED);
      double bx = x.apply(row.start());
      double ex = x.apply(row.end().plusDays(1));
      svg.element(
          "rect",
          "x",
          bx,
          "y",
          y + 4,
          "width",
          Math.max(2, ex - bx),
          "height",
          16,
          "rx",
          3,
          "fill",
          row.fill());
      double my = y + 34;
      svg.element(
          "line",
          "x1",
          bx,
          "y1",
          my,
          "x2",
          ex,
          "y2",
          my,
          "stroke",
          Palette.GRID,
          "stroke-width",
          1);
      for (Marker m : row.markers()) {
        double mx = x.apply(m.date());
        if (m.gate()) {
          double gy = y + 12;
          String d =
              "M"
                  + Svg.num(mx)
                  + " "
                  + Svg.num(gy - 9)
                  + " L"
                  + Svg.num(mx + 8)
                  + " "
                  + Svg.num(gy)
                  + " L"
                  + Svg.num(mx)
                  + " "
                  + Svg.num(gy + 9)
                  + " L"
                  + Svg.num(mx - 8)
                  + " "
                  + Svg.num(gy)
                  + " Z";
          svg.titled(
              "path",
              m.title(),
              "d",
              d,
              "fill",
              m.hollow() ? "#ffffff" : m.colour(),
              "stroke",
              m.hollow() ? m.colour() : "#ffffff",
              "stroke-width",
              2);
        } else {
          svg.titled(
              "circle",
              m.title(),
              "cx",
              mx,
              "cy",
              my,
              "r",
              5,
              "fill",
              m.hollow() ? "#ffffff" : m.colour(),
              "stroke",
              m.colour(),
              "stroke-width",
              2);
        }
      }
      y += ROW;
    }
    // Today.
    if (!today.isBefore(from) && !today.isAfter(to)) {
      double tx = x.apply(today);
      svg.element(
          "line",
          "x1",
          tx,
          "y1",
          16,
          "x2",
          tx,
          "y2",
          TOP - 24,
          "stroke",
          Palette.TODAY,
          "stroke-width",
          1.6);
      svg.element(
          "line",
          "x1",
          tx,
          "y1",
          TOP - 4,
          "x2",
          tx,
          "y2",
          bottom + 2,
          "stroke",
          Palette.TODAY,
          "stroke-width",
          1.6);
      String text = "Today, " + Wording.shortDate(today);
      boolean leftSide = tx > x1 - 110;
      svg.text(
          text,
          "x",
          leftSide ? tx - 4 : tx + 4,
          "y",
          12,
          "font-size",
          10,
          "fill",
          Palette.TODAY,
          "font-weight",
          "bold",
          "text-anchor",
          leftSide ? "end" : "start");
    }
    // Legend.
    double lx = 0;
    double ly = height - 10;
    for (LegendEntry e : legend) {
      if (e.gate()) {
        String d =
            "M"
                + Svg.num(lx + 6)
                + " "
                + Svg.num(ly - 10)
                + " L"
                + Svg.num(lx + 12)
                + " "
                + Svg.num(ly - 4)
                + " L"
                + Svg.num(lx + 6)
                + " "
                + Svg.num(ly + 2)
                + " L"
                + Svg.num(lx)
                + " "
                + Svg.num(ly - 4)
                + " Z";
        svg.element(
            "path",
            "d",
            d,
            "fill",
            e.hollow() ? "#ffffff" : e.colour(),
            "stroke",
            e.colour(),
            "stroke-width",
            1.5);
      } else {
        svg.element(
            "circle",
            "cx",
            lx + 6,
            "cy",
            ly - 4,
            "r",
            4.5,
            "fill",
            e.hollow() ? "#ffffff" : e.colour(),
            "stroke",
            e.colour(),
            "stroke-width",
            1.8);
      }
      svg.text(e.text(), "x", lx + 16, "y", ly, "font-size", 10, "fill", Palette.MUTED);
      lx += 22 + e.text().length() * 5.6;
    }
    return svg.finish();
  }
}
