package io.waymark.report.view;

import io.waymark.engine.model.Metrics;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Optional;

/** How a metric moved within the quarter: last reading before it against the latest in it. */
record QuarterMove(
    BigDecimal from,
    LocalDate fromDate,
    BigDecimal to,
    LocalDate toDate,
    Metrics.Metric metric,
    String currency) {
  boolean improved() {
    int cmp = to.compareTo(from);
    return metric.lowerIsBetter() ? cmp < 0 : cmp > 0;
  }

  boolean worsened() {
    int cmp = to.compareTo(from);
    return metric.lowerIsBetter() ? cmp > 0 : cmp < 0;
  }

  String describe() {
    String text =
        MetricValue.of(from, metric.unit(), currency)
            + " on "
            + Wording.date(fromDate)
            + " to "
            + MetricValue.of(to, metric.unit(), currency)
            + " on "
            + Wording.date(toDate);
    if (MetricValue.isPercent(metric.unit())) {
      text += " (" + Wording.signedPoints(to.subtract(from)) + ")";
    } else if (from.signum() != 0) {
      text +=
          " ("
              + Wording.signedPercent(
                  to.subtract(from)
                      .multiply(BigDecimal.valueOf(100))
                      .divide(from.abs(), MathContext.DECIMAL64))
              + ")";
    }
    return text;
  }

  static Optional<QuarterMove> of(Context c, Metrics.Metric m) {
    Optional<Metrics.DataPoint> before = m.latestOnOrBefore(c.quarter().start().minusDays(1));
    Optional<Metrics.DataPoint> latest = m.latestOnOrBefore(c.periodEnd());
    if (before.isEmpty() || latest.isEmpty() || !c.inPeriod(latest.get().date())) {
      return Optional.empty();
    }
    return Optional.of(
        new QuarterMove(
            before.get().value(),
            before.get().date(),
            latest.get().value(),
            latest.get().date(),
            m,
            c.currency()));
  }
}
