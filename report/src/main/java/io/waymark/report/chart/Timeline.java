package io.waymark.report.chart;

import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The roadmap as a Gantt chart that names things (issue 15): one block per phase with its bar and
 * its gate (a diamond at the end of the bar), its milestones as numbered markers whose shape says
 * their status (the table under the chart names each number), a slipped milestone's original due
 * date as a dashed ring joined to today's due date, and one row per initiative with its spend to
 * date; month ticks, the reported quarter shaded, and today's date as a vertical line. Markers that
 * would overlap go to a lane below ({@link #lanes}). Shape and number carry the status, so the
 * chart reads the same under colour-vision deficiencies and in black-and-white print.
 */
public final class Timeline {

  /** What a marker stands for: its shape, colour and legend text. */
  public enum Kind {
    DELIVERED("Delivered", Palette.GREEN),
    IN_PROGRESS("In progress", Palette.ACCENT),
    AT_RISK("At risk", Palette.AMBER),
    OVERDUE("Overdue", Palette.RED),
    PLANNED("Planned", Palette.MUTED),
    DROPPED("Dropped", Palette.GREY),
    GATE_PASSED("Gate passed", Palette.GREEN),
    GATE_WAIVED("Gate waived", Palette.AMBER),
    GATE_FAILED("Gate failed", Palette.RED),
    GATE_PENDING("Gate pending", Palette.MUTED);

    private final String text;
    private final String colour;

    Kind(String text, String colour) {
      this.text = text;
      this.colour = colour;
    }

    public String text() {
      return text;
    }

    public String colour() {
      return colour;
    }

    boolean gate() {
      return name().startsWith("GATE_");
    }
  }

  /**
   * A milestone (numbered) or the phase's gate on a row.
   *
   * @param number the milestone's number in the table under the chart; empty for a gate
   * @param originalDate the due date first planned, when the milestone has moved since
   */
  public record Marker(
      LocalDate date, Kind kind, String number, Optional<LocalDate> originalDate, String title) {}

  /**
   * An initiative of the phase: its name and the share of its budget spent to date (0 to 1), or
   * none when it records no spend.
   */
  public record Initiative(String label, Optional<Double> spent, String title) {}

  /** One phase: label, bar from start to end, bar colour, markers, initiatives. */
  public record Row(
      String label,
      String detail,
      LocalDate start,
      LocalDate end,
      String fill,
      List<Marker> markers,
      List<Initiative> initiatives) {}

  static final int WIDTH = 720;
  static final double LABEL_WIDTH = 230;
  private static final double PHASE = 30;
  private static final double LANE = 28;
  private static final double INITIATIVE = 18;
  private static final double GAP = 10;
  private static final double TOP = 46;
  private static final double RIGHT = WIDTH - 12;
  private static final double MARKER = 6.5;

  /** Horizontal room one marker needs: its shape or its two-digit number, whichever is wider. */
  static final double MARKER_ROOM = 18;

  private static final String WHITE = "#ffffff";
  private static final double CHAR = 5.9;

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
      String shadeLabel) {
    Scale scale = Scale.of(from, to);
    List<int[]> laneOf = new ArrayList<>();
    double bottom = TOP;
    for (Row row : rows) {
      int[] lanes = lanes(row, scale);
      laneOf.add(lanes);
      bottom += height(row, lanes);
    }
    List<String> legend = legendTexts(rows);
    int legendLines = legendLines(legend);
    int height = (int) Math.ceil(bottom + 30 + legendLines * 18);
    Svg svg = new Svg(WIDTH, height, "chart timeline", label);
    svg.describe(description(rows));
    svg.rect(0, 0, WIDTH, height, WHITE);
    if (!shadeTo.isBefore(from) && !shadeFrom.isAfter(to)) {
      quarter(svg, scale, shadeFrom, shadeTo, shadeLabel, bottom);
    }
    months(svg, scale, from, to, bottom);
    double y = TOP;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      row(svg, scale, row, laneOf.get(i), y);
      y += height(row, laneOf.get(i));
    }
    if (!today.isBefore(from) && !today.isAfter(to)) {
      today(svg, scale.x(today), today, bottom);
    }
    legend(svg, rows, bottom + 38);
    return svg.finish();
  }

  /**
   * Lanes for markers so that none overlaps another: each marker (with its original date, when it
   * moved) takes the span from its leftmost to its rightmost x, widened by half of {@code room} on
   * each side; the markers, by their left end, go to the first lane whose last span ends before
   * theirs begins (greedy interval partitioning, which uses the fewest lanes).
   *
   * @param spans each marker's {@code [from, to]} x, in any order
   * @return each marker's lane, 0 first, in the order given
   */
  static int[] lanes(List<double[]> spans, double room) {
    Integer[] order = new Integer[spans.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        java.util.Comparator.<Integer>comparingDouble(i -> spans.get(i)[0])
            .thenComparingDouble(i -> spans.get(i)[1])
            .thenComparingInt(i -> i));
    int[] lane = new int[spans.size()];
    List<Double> ends = new ArrayList<>();
    for (int i : order) {
      double left = spans.get(i)[0] - room / 2;
      double right = spans.get(i)[1] + room / 2;
      int chosen = -1;
      for (int l = 0; l < ends.size(); l++) {
        if (ends.get(l) <= left) {
          chosen = l;
          break;
        }
      }
      if (chosen < 0) {
        chosen = ends.size();
        ends.add(right);
      } else {
        ends.set(chosen, right);
      }
      lane[i] = chosen;
    }
    return lane;
  }

  /** The lanes of a row's milestones (gates sit on the bar and take none: -1). */
  private static int[] lanes(Row row, Scale scale) {
    List<double[]> spans = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < row.markers().size(); i++) {
      Marker m = row.markers().get(i);
      if (m.kind().gate()) {
        continue;
      }
      double x = scale.x(m.date());
      double o = m.originalDate().map(scale::x).orElse(x);
      spans.add(new double[] {Math.min(x, o), Math.max(x, o)});
      index.add(i);
    }
    int[] byMilestone = lanes(spans, MARKER_ROOM);
    int[] out = new int[row.markers().size()];
    java.util.Arrays.fill(out, -1);
    for (int k = 0; k < index.size(); k++) {
      out[index.get(k)] = byMilestone[k];
    }
    return out;
  }

  private static int laneCount(int[] lanes) {
    int n = 0;
    for (int l : lanes) {
      n = Math.max(n, l + 1);
    }
    return n;
  }

  private static double height(Row row, int[] lanes) {
    return PHASE + laneCount(lanes) * LANE + row.initiatives().size() * INITIATIVE + GAP;
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

  /** One phase: its label, bar and gate, its milestone lanes, its initiatives. */
  private static void row(Svg svg, Scale scale, Row row, int[] lanes, double y) {
    svg.text(
        clip(row.label(), LABEL_WIDTH - 10, 6.9),
        "x",
        0,
        "y",
        y + 13,
        "font-size",
        11.5,
        "font-weight",
        "bold",
        "fill",
        Palette.INK);
    svg.text(
        clip(row.detail(), LABEL_WIDTH - 10, CHAR),
        "x",
        0,
        "y",
        y + 26,
        "font-size",
        10,
        "fill",
        Palette.MUTED);
    double bx = scale.x(row.start());
    double ex = scale.x(row.end().plusDays(1));
    svg.element(
        "rect",
        "x",
        bx,
        "y",
        y + 2,
        "width",
        Math.max(2, ex - bx),
        "height",
        16,
        "rx",
        3,
        "fill",
        row.fill());
    double laneTop = y + PHASE;
    for (int i = 0; i < row.markers().size(); i++) {
      Marker m = row.markers().get(i);
      double mx = scale.x(m.date());
      if (m.kind().gate()) {
        gate(svg, m, mx, y + 10);
        continue;
      }
      double cy = laneTop + lanes[i] * LANE + 18;
      if (m.originalDate().isPresent()) {
        double ox = scale.x(m.originalDate().get());
        svg.element(
            "line",
            "x1",
            ox,
            "y1",
            cy,
            "x2",
            mx,
            "y2",
            cy,
            "stroke",
            Palette.MUTED,
            "stroke-width",
            1.2,
            "stroke-dasharray",
            "3 2");
        svg.titled(
            "circle",
            m.title() + ": first due " + Wording.date(m.originalDate().get()),
            "cx",
            ox,
            "cy",
            cy,
            "r",
            MARKER - 1.5,
            "fill",
            WHITE,
            "stroke",
            Palette.MUTED,
            "stroke-width",
            1.5,
            "stroke-dasharray",
            "2 1.5");
      }
      milestone(svg, m.kind(), mx, cy, MARKER, m.title());
      svg.text(
          m.number(),
          "x",
          mx,
          "y",
          cy - MARKER - 3,
          "font-size",
          10,
          "font-weight",
          "bold",
          "fill",
          Palette.INK,
          "text-anchor",
          "middle");
    }
    double iy = laneTop + laneCount(lanes) * LANE;
    for (Initiative n : row.initiatives()) {
      initiative(svg, n, bx, ex, iy);
      iy += INITIATIVE;
    }
  }

  /** An initiative: its name, a track over its phase, filled to its share of budget spent. */
  private static void initiative(Svg svg, Initiative n, double bx, double ex, double y) {
    String share = n.spent().map(s -> Math.round(s * 100) + "%").orElse("–");
    svg.text(
        clip(n.label(), LABEL_WIDTH - 46, CHAR),
        "x",
        8,
        "y",
        y + 12,
        "font-size",
        10,
        "fill",
        Palette.INK);
    svg.text(
        share,
        "x",
        LABEL_WIDTH - 10,
        "y",
        y + 12,
        "font-size",
        10,
        "fill",
        Palette.MUTED,
        "text-anchor",
        "end");
    svg.titled(
        "rect",
        n.title(),
        "x",
        bx,
        "y",
        y + 4,
        "width",
        Math.max(2, ex - bx),
        "height",
        9,
        "rx",
        2,
        "fill",
        WHITE,
        "stroke",
        Palette.GRID,
        "stroke-width",
        1);
    double spent = n.spent().map(s -> Math.max(0, Math.min(1, s))).orElse(0d);
    if (spent > 0) {
      svg.rect(bx, y + 4, Math.max(1.5, (ex - bx) * spent), 9, Palette.ACCENT);
    }
  }

  private static void gate(Svg svg, Marker m, double mx, double cy) {
    boolean hollow = m.kind() == Kind.GATE_PENDING;
    Svg.Shape diamond = new Svg.Diamond(mx, cy, 8, 9);
    svg.titled(
        diamond.element(),
        m.title(),
        diamond.geometry(
            "fill",
            hollow ? WHITE : m.kind().colour(),
            "stroke",
            m.kind().colour(),
            "stroke-width",
            2));
    if (m.kind() == Kind.GATE_FAILED) {
      cross(svg, mx, cy, 3.2, WHITE);
    }
  }

  /**
   * A milestone marker: delivered, a filled circle with a tick; in progress, a ring with a dot; at
   * risk, a triangle with a bar; overdue, a square with a cross; planned, a ring; dropped, a dashed
   * ring. No two differ by colour alone.
   */
  static void milestone(Svg svg, Kind kind, double x, double y, double r, String title) {
    String c = kind.colour();
    switch (kind) {
      case DELIVERED -> {
        svg.titled("circle", title, "cx", x, "cy", y, "r", r, "fill", c);
        svg.element(
            "path",
            "d",
            "M"
                + Svg.num(x - r * 0.5)
                + " "
                + Svg.num(y)
                + " L"
                + Svg.num(x - r * 0.1)
                + " "
                + Svg.num(y + r * 0.42)
                + " L"
                + Svg.num(x + r * 0.55)
                + " "
                + Svg.num(y - r * 0.42),
            "fill",
            "none",
            "stroke",
            WHITE,
            "stroke-width",
            1.8,
            "stroke-linecap",
            "round");
      }
      case IN_PROGRESS -> {
        ring(svg, title, x, y, r, c);
        svg.element("circle", "cx", x, "cy", y, "r", r * 0.4, "fill", c);
      }
      case AT_RISK -> {
        svg.titled(
            "path",
            title,
            "d",
            "M"
                + Svg.num(x)
                + " "
                + Svg.num(y - r - 1)
                + " L"
                + Svg.num(x + r + 1)
                + " "
                + Svg.num(y + r)
                + " L"
                + Svg.num(x - r - 1)
                + " "
                + Svg.num(y + r)
                + " Z",
            "fill",
            c);
        svg.line(x, y - r * 0.35, x, y + r * 0.35, WHITE, 1.6);
        svg.element("circle", "cx", x, "cy", y + r * 0.68, "r", 0.9, "fill", WHITE);
      }
      case OVERDUE -> {
        svg.titled(
            "rect", title, "x", x - r, "y", y - r, "width", 2 * r, "height", 2 * r, "fill", c);
        cross(svg, x, y, r * 0.5, WHITE);
      }
      case DROPPED ->
          svg.titled(
              "circle",
              title,
              "cx",
              x,
              "cy",
              y,
              "r",
              r - 1,
              "fill",
              WHITE,
              "stroke",
              c,
              "stroke-width",
              1.5,
              "stroke-dasharray",
              "2 2");
      default -> ring(svg, title, x, y, r, c);
    }
  }

  /** A planned milestone: a white disc in a ring of its colour. */
  private static void ring(Svg svg, String title, double x, double y, double r, String colour) {
    svg.titled(
        "circle",
        title,
        "cx",
        x,
        "cy",
        y,
        "r",
        r - 1,
        "fill",
        WHITE,
        "stroke",
        colour,
        "stroke-width",
        2);
  }

  private static void cross(Svg svg, double x, double y, double d, String colour) {
    svg.line(x - d, y - d, x + d, y + d, colour, 1.8);
    svg.line(x - d, y + d, x + d, y - d, colour, 1.8);
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

  private static final String ORIGINAL = "First due date (moved since)";
  private static final String SPENT = "Initiative: share of budget spent";

  /** The legend's entries: the kinds the chart shows, in a fixed order, then the extras. */
  private static List<String> legendTexts(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Kind k : kinds(rows)) {
      out.add(k.text());
    }
    if (rows.stream()
        .flatMap(r -> r.markers().stream())
        .anyMatch(m -> m.originalDate().isPresent())) {
      out.add(ORIGINAL);
    }
    if (rows.stream().anyMatch(r -> !r.initiatives().isEmpty())) {
      out.add(SPENT);
    }
    return out;
  }

  private static Set<Kind> kinds(List<Row> rows) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (Row r : rows) {
      for (Marker m : r.markers()) {
        kinds.add(m.kind());
      }
    }
    return kinds;
  }

  private static double entryWidth(String text) {
    return 28 + text.length() * CHAR;
  }

  private static int legendLines(List<String> texts) {
    int lines = texts.isEmpty() ? 0 : 1;
    double lx = 0;
    for (String t : texts) {
      if (lx > 0 && lx + entryWidth(t) > WIDTH) {
        lines++;
        lx = 0;
      }
      lx += entryWidth(t);
    }
    return lines;
  }

  /** The legend under the month labels: each marker shape with its meaning, wrapped to fit. */
  private static void legend(Svg svg, List<Row> rows, double top) {
    double lx = 0;
    double ly = top;
    for (String t : legendTexts(rows)) {
      if (lx > 0 && lx + entryWidth(t) > WIDTH) {
        lx = 0;
        ly += 18;
      }
      double cx = lx + 7;
      double cy = ly - 4;
      Kind kind = null;
      for (Kind k : Kind.values()) {
        if (k.text().equals(t)) {
          kind = k;
        }
      }
      if (kind != null && kind.gate()) {
        gate(svg, new Marker(LocalDate.MIN, kind, "", Optional.empty(), t), cx, cy);
      } else if (kind != null) {
        milestone(svg, kind, cx, cy, 5.5, t);
      } else if (t.equals(ORIGINAL)) {
        svg.element(
            "circle",
            "cx",
            cx,
            "cy",
            cy,
            "r",
            4.5,
            "fill",
            WHITE,
            "stroke",
            Palette.MUTED,
            "stroke-width",
            1.5,
            "stroke-dasharray",
            "2 1.5");
      } else {
        svg.element(
            "rect",
            "x",
            lx,
            "y",
            cy - 4.5,
            "width",
            14,
            "height",
            9,
            "fill",
            WHITE,
            "stroke",
            Palette.GRID,
            "stroke-width",
            1);
        svg.rect(lx, cy - 4.5, 8, 9, Palette.ACCENT);
      }
      svg.text(t, "x", lx + 18, "y", ly, "font-size", 10, "fill", Palette.MUTED);
      lx += entryWidth(t);
    }
  }

  /** The chart in words: each phase, its gate, its numbered milestones and its initiatives. */
  static String description(List<Row> rows) {
    List<String> parts = new ArrayList<>();
    for (Row r : rows) {
      StringBuilder b = new StringBuilder(r.label()).append(" (").append(r.detail()).append(")");
      for (Marker m : r.markers()) {
        b.append("; ");
        if (!m.number().isEmpty()) {
          b.append(m.number()).append(". ");
        }
        b.append(m.title());
      }
      for (Initiative n : r.initiatives()) {
        b.append("; ").append(n.title());
      }
      parts.add(b.toString());
    }
    return String.join(". ", parts) + ".";
  }

  /** A text cut to fit {@code width} at about {@code charWidth} per character, with an ellipsis. */
  static String clip(String text, double width, double charWidth) {
    int max = (int) Math.floor(width / charWidth);
    int length = text.codePointCount(0, text.length());
    if (length <= max) {
      return text;
    }
    // Whole code points only: an emoji or a CJK character outside the BMP is never cut in two.
    int end = text.offsetByCodePoints(0, Math.max(1, max - 1));
    return text.substring(0, end).stripTrailing() + "…";
  }
}
