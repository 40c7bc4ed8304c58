package io.waymark.report.view;

import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Metrics;
import io.waymark.report.chart.Palette;
import io.waymark.report.chart.TrendLine;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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

  static List<QuarterlyReview.MetricTile> of(Context c) {
    List<QuarterlyReview.MetricTile> tiles = new ArrayList<>();
    for (Metrics.Metric m : dashboard(c)) {
      tiles.add(tile(c, m));
    }
    return tiles;
  }

  static QuarterlyReview.MetricTile tile(Context c, Metrics.Metric m) {
    MetricHealth health = MetricHealth.of(m, c.asOf());
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
    int fromHistory = (int) points.stream().filter(TrendLine.Point::fromHistory).count();
    String svg =
        TrendLine.draw(
            m.name() + ": trend",
            points,
            m.baseline(),
            m.target().map(Metrics.Target::value),
            latestText,
            Palette.ACCENT,
            300,
            96);
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
        svg,
        sparkText(points),
        fromHistory);
  }

  /**
   * The metric's data points up to as-of: the current series, plus points that earlier commits of
   * the metrics file recorded and the current file no longer has (hollow in the chart).
   */
  static List<TrendLine.Point> points(Context c, Metrics.Metric m) {
    Map<LocalDate, TrendLine.Point> byDate = new TreeMap<>();
    Set<LocalDate> current = new HashSet<>();
    for (Metrics.DataPoint p : m.series()) {
      if (!p.date().isAfter(c.asOf())) {
        byDate.put(p.date(), new TrendLine.Point(p.date(), p.value(), false));
        current.add(p.date());
      }
    }
    for (List<Snapshot<Metrics>> file : c.history().metrics().values()) {
      // Newest first along the first-parent line (never by commit date), so the latest recorded
      // value of a removed point wins.
      List<Snapshot<Metrics>> newest = new ArrayList<>(file);
      Collections.reverse(newest);
      for (Snapshot<Metrics> s : newest) {
        s.model().metrics().stream()
            .filter(x -> x.id().equals(m.id()))
            .flatMap(x -> x.series().stream())
            .filter(p -> !p.date().isAfter(c.asOf()) && !current.contains(p.date()))
            .forEach(
                p -> byDate.putIfAbsent(p.date(), new TrendLine.Point(p.date(), p.value(), true)));
      }
    }
    return new ArrayList<>(byDate.values());
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
