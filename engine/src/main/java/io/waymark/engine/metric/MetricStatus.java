package io.waymark.engine.metric;

import io.waymark.engine.model.Metrics;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/**
 * How a metric stands at a date, as red, amber or green with the reason (the dashboard's RAG).
 *
 * <p>Green: the target is met, or the metric has covered at least as much of the way from its
 * baseline to its target as time has passed from its first reading to the target date (less ten
 * points of slack). Amber: it moves the right way but behind that pace, or it sits within 10% of a
 * target it started beyond. Red: it moved the wrong way, or its data is stale (no reading within
 * the cadence plus 15 days). None: nothing recorded on or before the date, or no target.
 *
 * @param lastReading the date of the latest reading on or before the date
 * @param progress the share of the way from baseline to target covered (ON_TRACK and BEHIND)
 * @param expected the share of the time to the target date used (ON_TRACK and BEHIND)
 */
public record MetricStatus(
    Rag rag,
    Reason reason,
    Optional<LocalDate> lastReading,
    Optional<BigDecimal> progress,
    Optional<BigDecimal> expected) {

  private static final BigDecimal SLACK = new BigDecimal("0.10");

  /** Red, amber, green, or none (no data or no target). */
  public enum Rag {
    GREEN,
    AMBER,
    RED,
    NONE
  }

  /** Why the metric has its colour. */
  public enum Reason {
    NO_DATA,
    STALE,
    NO_TARGET,
    MET,
    NEAR_TARGET,
    FAR_FROM_TARGET,
    MOVING_AWAY,
    ON_TRACK,
    BEHIND
  }

  /** True for red and amber: the metrics the board needs an explanation for. */
  public boolean needsAttention() {
    return rag == Rag.RED || rag == Rag.AMBER;
  }

  public static MetricStatus of(Metrics.Metric metric, LocalDate asOf) {
    Optional<Metrics.DataPoint> latest = metric.latestOnOrBefore(asOf);
    if (latest.isEmpty()) {
      return simple(Rag.NONE, Reason.NO_DATA, Optional.empty());
    }
    Optional<LocalDate> last = Optional.of(latest.get().date());
    long staleAfter = ("quarterly".equals(metric.cadence()) ? 92 : 31) + 15;
    if (ChronoUnit.DAYS.between(latest.get().date(), asOf) > staleAfter) {
      return simple(Rag.RED, Reason.STALE, last);
    }
    BigDecimal value = latest.get().value();
    if (metric.target().isEmpty()) {
      return simple(Rag.NONE, Reason.NO_TARGET, last);
    }
    Metrics.Target target = metric.target().get();
    boolean lower = metric.lowerIsBetter();
    boolean met =
        lower ? value.compareTo(target.value()) <= 0 : value.compareTo(target.value()) >= 0;
    if (met) {
      return simple(Rag.GREEN, Reason.MET, last);
    }
    Metrics.DataPoint first =
        metric.series().stream()
            .filter(p -> !p.date().isAfter(asOf))
            .min(Comparator.comparing(Metrics.DataPoint::date))
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
      return gap.compareTo(SLACK) <= 0
          ? simple(Rag.AMBER, Reason.NEAR_TARGET, last)
          : simple(Rag.RED, Reason.FAR_FROM_TARGET, last);
    }
    BigDecimal progress = value.subtract(baseline).divide(way, MathContext.DECIMAL64);
    if (progress.signum() <= 0) {
      return simple(Rag.RED, Reason.MOVING_AWAY, last);
    }
    long total = ChronoUnit.DAYS.between(first.date(), target.by());
    long elapsed = ChronoUnit.DAYS.between(first.date(), asOf);
    BigDecimal expected =
        total <= 0
            ? BigDecimal.ONE
            : BigDecimal.valueOf(Math.max(0, Math.min(total, elapsed)))
                .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
    boolean onTrack = progress.compareTo(expected.subtract(SLACK)) >= 0;
    return new MetricStatus(
        onTrack ? Rag.GREEN : Rag.AMBER,
        onTrack ? Reason.ON_TRACK : Reason.BEHIND,
        last,
        Optional.of(progress),
        Optional.of(expected));
  }

  private static MetricStatus simple(Rag rag, Reason reason, Optional<LocalDate> last) {
    return new MetricStatus(rag, reason, last, Optional.empty(), Optional.empty());
  }
}
