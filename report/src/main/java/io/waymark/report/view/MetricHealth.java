package io.waymark.report.view;

import io.waymark.engine.metric.MetricStatus;
import io.waymark.engine.model.Metrics;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How a metric stands at the as-of date, as red, amber or green with a reason in words. The status
 * itself is the engine's {@link MetricStatus} (the same one the metric rules judge by); this class
 * puts it into the words of the dashboard.
 */
record MetricHealth(Rag rag, String assessment) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  static MetricHealth of(Metrics.Metric metric, LocalDate asOf) {
    MetricStatus s = MetricStatus.of(metric, asOf);
    Rag rag = Rag.valueOf(s.rag().name());
    String side = metric.lowerIsBetter() ? "Above" : "Below";
    String words =
        switch (s.reason()) {
          case NO_DATA -> "No data recorded yet";
          case STALE ->
              "No reading since " + Wording.date(s.lastReading().orElseThrow()) + " (stale)";
          case NO_TARGET -> "No target set";
          case MET -> "Target met";
          case NEAR_TARGET -> side + " target, within 10% of it";
          case FAR_FROM_TARGET -> side + " target by more than 10%";
          case MOVING_AWAY -> "Moving away from target";
          case ON_TRACK -> "On track: " + pace(s);
          case BEHIND -> "Behind plan: " + pace(s);
        };
    return new MetricHealth(rag, words);
  }

  private static String pace(MetricStatus s) {
    return Wording.percent(s.progress().orElseThrow().multiply(HUNDRED))
        + " of the way to target, "
        + Wording.percent(s.expected().orElseThrow().multiply(HUNDRED))
        + " of the time used";
  }
}
