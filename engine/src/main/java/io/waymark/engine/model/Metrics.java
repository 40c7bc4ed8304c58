package io.waymark.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A metrics file: the executive dashboard selection and the metric series. */
public record Metrics(Metadata metadata, List<String> dashboard, List<Metric> metrics, Anchor at)
    implements DocumentModel {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.metrics(this);
  }

  /** One tracked metric with its recorded series. */
  public record Metric(
      String id,
      String name,
      String unit,
      String kind,
      String direction,
      Optional<String> category,
      Optional<BigDecimal> baseline,
      Optional<Target> target,
      String cadence,
      List<DataPoint> series,
      Optional<String> measures,
      Optional<String> commentary,
      Anchor at) {

    public Metric {
      series = List.copyOf(series);
    }

    /**
     * What the board should read next to the metric now: the commentary of the latest data point on
     * or before {@code date}, else the metric's own.
     */
    public Optional<String> commentaryAsOf(LocalDate date) {
      return latestOnOrBefore(date).flatMap(DataPoint::commentary).or(() -> commentary);
    }

    public boolean lowerIsBetter() {
      return "lower-is-better".equals(direction);
    }

    /** The latest data point on or before {@code date}. */
    public Optional<DataPoint> latestOnOrBefore(LocalDate date) {
      return series.stream()
          .filter(p -> !p.date().isAfter(date))
          .max(Comparator.comparing(DataPoint::date));
    }

    public Optional<DataPoint> latest() {
      return series.stream().max(Comparator.comparing(DataPoint::date));
    }
  }

  /** Where the metric should be, and by when. */
  public record Target(BigDecimal value, LocalDate by, Anchor at) {}

  /** One observation, with what explains it (an anomaly, the corrective action). */
  public record DataPoint(
      LocalDate date, BigDecimal value, Optional<String> commentary, Anchor at) {

    /** A data point without commentary. */
    public DataPoint(LocalDate date, BigDecimal value, Anchor at) {
      this(date, value, Optional.empty(), at);
    }
  }

  static Metrics read(Fields f) {
    Fields spec = f.objectOrEmpty("spec");
    return new Metrics(
        Metadata.read(f),
        spec.strings("dashboard"),
        spec.list(
            "metrics",
            m ->
                new Metric(
                    m.string("id"),
                    m.string("name"),
                    m.string("unit"),
                    m.string("kind"),
                    m.string("direction"),
                    m.optString("category"),
                    m.optNumber("baseline"),
                    m.object("target")
                        .map(t -> new Target(t.number("value"), t.date("by"), t.anchor())),
                    m.optString("cadence").orElse("monthly"),
                    m.list(
                        "series",
                        p ->
                            new DataPoint(
                                p.date("date"),
                                p.number("value"),
                                p.optString("commentary").filter(c -> !c.isBlank()),
                                p.anchor())),
                    m.optString("measures"),
                    m.optString("commentary").filter(c -> !c.isBlank()),
                    m.anchor())),
        f.anchor());
  }
}
