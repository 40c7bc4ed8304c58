package io.waymark.report.view;

import io.waymark.engine.model.Metrics;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How a metric stands at the as-of date, as red, amber or green with a reason in words.
 *
 * <p>Green: the target is met, or the metric has covered at least as much of the way from its
 * baseline to its target as time has passed from its first reading to the target date (less ten
 * points of slack). Amber: it moves the right way but behind that pace, or it sits within 10% of a
 * target it started beyond. Red: it moved the wrong way, or its data is stale. No data: nothing
 * recorded on or before the as-of date.
 */
record MetricHealth(Rag rag, String assessment) {

  private static final BigDecimal SLACK = new BigDecimal("0.10");

  static MetricHealth of(Metrics.Metric metric, LocalDate asOf) {
    Optional<Metrics.DataPoint> latest = metric.latestOnOrBefore(asOf);
    if (latest.isEmpty()) {
      return new MetricHealth(Rag.NONE, "No data recorded yet");
    }
    long staleAfter = ("quarterly".equals(metric.cadence()) ? 92 : 31) + 15;
    if (ChronoUnit.DAYS.between(latest.get().date(), asOf) > staleAfter) {
      return new MetricHealth(
          Rag.RED, "No reading since " + Wording.date(latest.get().date()) + " (stale)");
    }
    BigDecimal value = latest.get().value();
    if (metric.target().isEmpty()) {
      return new MetricHealth(Rag.NONE, "No target set");
    }
    Metrics.Target target = metric.target().get();
    boolean lower = metric.lowerIsBetter();
    boolean met =
        lower ? value.compareTo(target.value()) <= 0 : value.compareTo(target.value()) >= 0;
    if (met) {
      return new MetricHealth(Rag.GREEN, "Target met");
    }
    Metrics.DataPoint first =
        metric.series().stream()
            .filter(p -> !p.date().isAfter(asOf))
            .min(java.util.Comparator.comparing(Metrics.DataPoint::date))
            .orElse(latest.get());
    BigDecimal baseline = metric.baseline().orElse(first.value());
    BigDecimal way = target.value().subtract(baseline);
    boolean wayRight = lower ? way.signum() < 0 : way.signum() > 0;
    if (!wayRight) {
      // The baseline was already at or beyond the target: judge by the gap alone.
      BigDecimal gap =
          value
              .subtract(target.value())
              .abs()
              .divide(target.value().abs().max(BigDecimal.ONE), MathContext.DECIMAL64);
      String side = lower ? "Above" : "Below";
      return gap.compareTo(SLACK) <= 0
          ? new MetricHealth(Rag.AMBER, side + " target, within 10% of it")
          : new MetricHealth(Rag.RED, side + " target by more than 10%");
    }
    BigDecimal progress = value.subtract(baseline).divide(way, MathContext.DECIMAL64);
    if (progress.signum() <= 0) {
      return new MetricHealth(Rag.RED, "Moving away from target");
    }
    long total = ChronoUnit.DAYS.between(first.date(), target.by());
    long elapsed = ChronoUnit.DAYS.between(first.date(), asOf);
    BigDecimal expected =
        total <= 0
            ? BigDecimal.ONE
            : BigDecimal.valueOf(Math.max(0, Math.min(total, elapsed)))
                .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
    String pace =
        Wording.percent(progress.multiply(BigDecimal.valueOf(100)))
            + " of the way to target, "
            + Wording.percent(expected.multiply(BigDecimal.valueOf(100)))
            + " of the time used";
    if (progress.compareTo(expected.subtract(SLACK)) >= 0) {
      return new MetricHealth(Rag.GREEN, "On track: " + pace);
    }
    return new MetricHealth(Rag.AMBER, "Behind plan: " + pace);
  }
}
