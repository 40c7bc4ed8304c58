package io.waymark.report.chart;

import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The roadmap as a Gantt chart: one row per phase with its bar, its milestones (circles on the
 * row's lower line) and its gate (a diamond at the end of the bar), month ticks, the reported
 * quarter shaded, and today's date as a vertical line. Each part is drawn by its own method from
 * the typed shapes of {@link Svg}.
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
  private static final double RIGHT = WIDTH - 12;
  private static final String WHITE = "#ffffff";

  /** Month lines drawn at most, whatever the span. */
  static final int MAX_TICKS = 240;

  /** The horizontal scale: a date to its x, clamped to the chart's span. */
  private record Scale(LocalDate from, long days) {
    static Scale of(LocalDate from, LocalDate to) {
      return new Scale(from, Math.max(1, ChronoUnit.DAYS.between(from, to)));
    }

    double x(LocalDate d) {
      long n = ChronoUnit.DAYS.between(from, d);
      n = Math.max(0, Math.min(days, n));
      return LABEL_WIDTH + n / (double) days * (RIGHT - LABEL_WIDTH);
    }
  }

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
    Scale scale = Scale.of(from, to);
    double bottom = TOP + rows.size() * ROW;
    svg.rect(0, 0, WIDTH, height, WHITE);
    if (!shadeTo.isBefore(from) && !shadeFrom.isAfter(to)) {
      quarter(svg, scale, shadeFrom, shadeTo, shadeLabel, bottom);
    }
    months(svg, scale, from, to, bottom);
    double y = TOP;
    for (Row row : rows) {
      row(svg, scale, row, y);
      y += ROW;
    }
    if (!today.isBefore(from) && !today.isAfter(to)) {
      today(svg, scale.x(today), today, bottom);
    }
    legend(svg, legend, height - 10);
    return svg.finish();
  }

  /** The reported quarter, shaded and labelled above the rows. */
  private static void quarter(
      Svg svg, Scale scale, LocalDate from, LocalDate to, String label, double bottom) {
    double sx = scale.x(from);
    double ex = scale.x(to.plusDays(1));
    svg.rect(sx, TOP - 22, Math.max(1, ex - sx), bottom - TOP + 22, "#eaf2fb");
    svg.text(
        label,
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

  /**
   * The month grid from the first of the start month (drawn at the start when the plan starts
   * mid-month), labelled every third month. The schema caps a plan at 120 months; should a caller
   * pass a longer span, ticks thin out so that the chart never holds more than MAX_TICKS lines.
   */
  private static void months(Svg svg, Scale scale, LocalDate from, LocalDate to, double bottom) {
    LocalDate month = from.withDayOfMonth(1);
    long span = ChronoUnit.MONTHS.between(month, to) + 1;
    long step = Math.max(1, (span + MAX_TICKS - 1) / MAX_TICKS);
    int i = 0;
    while (!month.isAfter(to)) {
      double mx = scale.x(month);
      svg.line(mx, TOP - 4, mx, bottom, Palette.FAINT, 1);
      if (i % 3 == 0 && mx + 52 <= WIDTH) {
        svg.line(mx, TOP - 4, mx, bottom, Palette.GRID, 1);
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
  }

  /** One phase: its label, its bar, the milestone line under it and its markers. */
  private static void row(Svg svg, Scale scale, Row row, double y) {
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
    double bx = scale.x(row.start());
    double ex = scale.x(row.end().plusDays(1));
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
    svg.line(bx, my, ex, my, Palette.GRID, 1);
    for (Marker m : row.markers()) {
      double mx = scale.x(m.date());
      if (m.gate()) {
        Svg.Shape diamond = new Svg.Diamond(mx, y + 12, 8, 9);
        svg.titled(
            diamond.element(),
            m.title(),
            diamond.geometry(
                "fill",
                m.hollow() ? WHITE : m.colour(),
                "stroke",
                m.hollow() ? m.colour() : WHITE,
                "stroke-width",
                2));
      } else {
        Svg.Shape circle = new Svg.Circle(mx, my, 5);
        svg.titled(
            circle.element(),
            m.title(),
            circle.geometry(
                "fill", m.hollow() ? WHITE : m.colour(), "stroke", m.colour(), "stroke-width", 2));
      }
    }
  }

  /** Today: a tick above the rows, a line through them and its date, kept inside the chart. */
  private static void today(Svg svg, double tx, LocalDate today, double bottom) {
    svg.line(tx, 16, tx, TOP - 24, Palette.TODAY, 1.6);
    svg.line(tx, TOP - 4, tx, bottom + 2, Palette.TODAY, 1.6);
    boolean leftSide = tx > RIGHT - 110;
    svg.text(
        "Today, " + Wording.shortDate(today),
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

  /** The legend along the bottom edge: each marker shape with its meaning. */
  private static void legend(Svg svg, List<LegendEntry> legend, double ly) {
    double lx = 0;
    for (LegendEntry e : legend) {
      Svg.Shape shape =
          e.gate() ? new Svg.Diamond(lx + 6, ly - 4, 6, 6) : new Svg.Circle(lx + 6, ly - 4, 4.5);
      svg.element(
          shape.element(),
          shape.geometry(
              "fill",
              e.hollow() ? WHITE : e.colour(),
              "stroke",
              e.colour(),
              "stroke-width",
              e.gate() ? 1.5 : 1.8));
      svg.text(e.text(), "x", lx + 16, "y", ly, "font-size", 10, "fill", Palette.MUTED);
      lx += 22 + e.text().length() * 5.6;
    }
  }
}
