package io.waymark.report.view;

import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Metrics;
import io.waymark.report.chart.Palette;
import io.waymark.report.chart.Rag;
import io.waymark.report.chart.TrendLine;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The executive dashboard: the 5–7 metrics the metrics files select, each with its trend. */
final class MetricTiles {

  private static final String BARS = "▁▂▃▄▅▆▇█";

  private MetricTiles() {}

  /** The dashboard metrics, in the order the metrics files list them. */
  static List<Metrics.Metric> dashboard(Context c) {
    Set<String> ids = new LinkedHashSet<>();
    c.plan().metricsFiles().forEach(f -> ids.addAll(f.dashboard()));
    List<Metrics.Metric> out = new ArrayList<>();
    for (String id : ids) {
      c.plan().metric(id).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The drawn size of a trend line: its narrowest tile (the dashboard's, about 200 px at 1440 px)
   * shows it at least at this size, so that its 10-unit text never renders below 10 px.
   */
  static final int TREND_WIDTH = 200;

  static final int TREND_HEIGHT = 76;

  /**
   * The chart's accessible name: the values it draws, not just "trend" (issue 15): the latest
   * reading with its date, baseline, target, health and the readings' span.
   */
  private static String trendLabel(
      Context c,
      Metrics.Metric m,
      Optional<Metrics.DataPoint> latest,
      String latestText,
      MetricHealth health,
      List<TrendLine.Point> points) {
    StringBuilder b = new StringBuilder(m.name()).append(": ");
    if (latest.isEmpty()) {
      b.append("no readings yet");
    } else {
      b.append("latest ")
          .append(latestText)
          .append(" on ")
          .append(Wording.date(latest.get().date()));
    }
    m.baseline()
        .ifPresent(v -> b.append(", baseline ").append(MetricValue.of(v, m.unit(), c.currency())));
    m.target()
        .ifPresent(
            t ->
                b.append(", target ")
                    .append(MetricValue.of(t.value(), m.unit(), c.currency()))
                    .append(" by ")
                    .append(Wording.date(t.by())));
    b.append(", health ").append(health.rag().label().toLowerCase(java.util.Locale.ROOT));
    if (points.size() > 1) {
      b.append("; ")
          .append(points.size())
          .append(" readings from ")
          .append(Wording.month(points.get(0).date()))
          .append(" to ")
          .append(Wording.month(points.get(points.size() - 1).date()));
    }
    return b.toString();
  }

  static List<QuarterlyReview.MetricTile> of(Context c) {
    List<QuarterlyReview.MetricTile> tiles = new ArrayList<>();
    for (Metrics.Metric m : dashboard(c)) {
      tiles.add(tile(c, m));
    }
    return tiles;
  }

  static QuarterlyReview.MetricTile tile(Context c, Metrics.Metric m) {
    MetricHealth health = withQuarterMove(MetricHealth.of(m, c.asOf()), c, m);
    Optional<Metrics.DataPoint> latest = m.latestOnOrBefore(c.asOf());
    String latestText =
        latest.map(p -> MetricValue.of(p.value(), m.unit(), c.currency())).orElse("no data");
    String change = "";
    if (latest.isPresent() && m.baseline().isPresent() && MetricValue.isPercent(m.unit())) {
      change =
          Wording.signedPoints(latest.get().value().subtract(m.baseline().get())) + " vs baseline";
    } else if (latest.isPresent() && m.baseline().isPresent() && m.baseline().get().signum() != 0) {
      BigDecimal pct =
          latest
              .get()
              .value()
              .subtract(m.baseline().get())
              .multiply(BigDecimal.valueOf(100))
              .divide(m.baseline().get().abs(), MathContext.DECIMAL64);
      change = Wording.signedPercent(pct) + " vs baseline";
    }
    List<TrendLine.Point> points = points(c, m);
    String svg =
        TrendLine.draw(
            trendLabel(c, m, latest, latestText, health, points),
            points,
            m.baseline(),
            m.target().map(Metrics.Target::value),
            latestText,
            Palette.ACCENT,
            TREND_WIDTH,
            TREND_HEIGHT);
    return new QuarterlyReview.MetricTile(
        m.id(),
        m.name(),
        Wording.capitalised(m.kind()),
        latestText,
        latest.map(p -> Wording.shortDate(p.date())).orElse(""),
        m.baseline().map(b -> MetricValue.of(b, m.unit(), c.currency())).orElse("not set"),
        m.target().map(t -> MetricValue.of(t.value(), m.unit(), c.currency())).orElse("not set"),
        m.target().map(t -> Wording.shortDate(t.by())).orElse(""),
        change,
        health.rag(),
        health.assessment(),
        m.commentaryAsOf(c.asOf()).map(t -> t.strip().replaceAll("\\s+", " ")).orElse(""),
        svg,
        sparkText(points),
        corrections(c, m));
  }

  /**
   * The health a metric shows everywhere in the review, its tile and its row among the red and
   * amber indicators alike: a metric on track over its horizon that moved the wrong way within the
   * quarter is amber, and says both; a red or amber one also says how it moved.
   */
  static MetricHealth withQuarterMove(MetricHealth health, Context c, Metrics.Metric m) {
    Optional<QuarterMove> move = QuarterMove.of(c, m).filter(QuarterMove::worsened);
    if (move.isEmpty()) {
      return health;
    }
    String moved = "moved the wrong way this quarter: " + move.get().describe();
    if (health.rag() == Rag.GREEN) {
      String rest = health.assessment();
      return new MetricHealth(
          Rag.AMBER,
          Wording.capitalised(moved) + (rest.isEmpty() ? "" : "; " + Wording.uncapitalised(rest)));
    }
    return new MetricHealth(health.rag(), health.assessment() + "; " + moved);
  }

  /**
   * The metric's data points up to as-of: the current series only. The current metrics file is the
   * truth; a reading that an earlier commit had and a later one corrected or deleted never comes
   * back as a data point (see {@link #corrections}).
   */
  static List<TrendLine.Point> points(Context c, Metrics.Metric m) {
    Map<LocalDate, TrendLine.Point> byDate = new TreeMap<>();
    for (Metrics.DataPoint p : m.series()) {
      if (!p.date().isAfter(c.asOf())) {
        byDate.put(p.date(), new TrendLine.Point(p.date(), p.value()));
      }
    }
    return new ArrayList<>(byDate.values());
  }

  /**
   * How readings on or before as-of changed after they were recorded, from the history of the
   * metrics files, oldest first: "31 Mar 2027 reading EUR 4.52 corrected to EUR 4.61 on 2 May 2027
   * (commit 1a2b3c4)", "… removed on …". Uncommitted changes count as "in the working tree". A
   * reading added later (back-filled) is not a change.
   */
  static List<String> corrections(Context c, Metrics.Metric m) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<Snapshot<Metrics>>> entry : c.history().metrics().entrySet()) {
      List<Snapshot<Metrics>> file = entry.getValue();
      // Oldest first along the first-parent line, as PlanHistory keeps them (never by date).
      List<Snapshot<Metrics>> oldest = file;
      Optional<Map<LocalDate, BigDecimal>> before = Optional.empty();
      for (Snapshot<Metrics> s : oldest) {
        Optional<Map<LocalDate, BigDecimal>> now = readings(s.model(), m.id(), c.asOf());
        if (before.isPresent() && now.isPresent()) {
          changes(
              c,
              m,
              before.get(),
              now.get(),
              "on " + Wording.date(s.commit().date()) + " (commit " + s.commit().shortId() + ")",
              out);
        }
        before = now.isPresent() ? now : before;
      }
      if (before.isPresent() && file.stream().anyMatch(s -> hasMetric(s.model(), m.id()))) {
        Map<LocalDate, BigDecimal> current = new TreeMap<>();
        m.series().stream()
            .filter(p -> !p.date().isAfter(c.asOf()))
            .forEach(p -> current.put(p.date(), p.value()));
        changes(c, m, before.get(), current, "in the working tree", out);
      }
      // A shallow or partial clone: say what cannot be seen, never let "no change" stand alone.
      c.history()
          .metricsGap(entry.getKey())
          .filter(g -> file.stream().anyMatch(s -> hasMetric(s.model(), m.id())))
          .ifPresent(
              g ->
                  out.add(
                      "changes before "
                          + Wording.date(g.knownSince())
                          + " cannot be shown ("
                          + g.what()
                          + ")"));
    }
    return out;
  }

  private static boolean hasMetric(Metrics file, String id) {
    return file.metrics().stream().anyMatch(x -> x.id().equals(id));
  }

  private static Optional<Map<LocalDate, BigDecimal>> readings(
      Metrics file, String id, LocalDate asOf) {
    return file.metrics().stream()
        .filter(x -> x.id().equals(id))
        .findFirst()
        .map(
            x -> {
              Map<LocalDate, BigDecimal> out = new TreeMap<>();
              x.series().stream()
                  .filter(p -> !p.date().isAfter(asOf))
                  .forEach(p -> out.put(p.date(), p.value()));
              return out;
            });
  }

  private static void changes(
      Context c,
      Metrics.Metric m,
      Map<LocalDate, BigDecimal> before,
      Map<LocalDate, BigDecimal> after,
      String when,
      List<String> out) {
    for (Map.Entry<LocalDate, BigDecimal> e : before.entrySet()) {
      BigDecimal now = after.get(e.getKey());
      if (now != null && now.compareTo(e.getValue()) == 0) {
        continue;
      }
      String reading =
          Wording.shortDate(e.getKey())
              + " reading "
              + MetricValue.of(e.getValue(), m.unit(), c.currency());
      out.add(
          now == null
              ? reading + " removed " + when
              : reading
                  + " corrected to "
                  + MetricValue.of(now, m.unit(), c.currency())
                  + " "
                  + when);
    }
  }

  /** A trend in eight block characters for the Markdown report ("▁▃▅█"). */
  static String sparkText(List<TrendLine.Point> points) {
    if (points.isEmpty()) {
      return "";
    }
    double min = points.stream().mapToDouble(p -> p.value().doubleValue()).min().orElse(0);
    double max = points.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(0);
    StringBuilder b = new StringBuilder();
    for (TrendLine.Point p : points) {
      int i =
          max - min < 1e-9
              ? 3
              : (int)
                  Math.round((p.value().doubleValue() - min) / (max - min) * (BARS.length() - 1));
      b.append(BARS.charAt(i));
    }
    return b.toString();
  }
}
