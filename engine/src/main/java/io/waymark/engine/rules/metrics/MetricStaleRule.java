package io.waymark.engine.rules.metrics;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Every metric has a data point within its cadence plus a grace period before the as-of date:
 * monthly 31 + 15 days, quarterly 92 + 15 days. A point exactly that many days old still counts.
 */
public final class MetricStaleRule implements Rule {

  static final int MONTHLY_DAYS = 31;
  static final int QUARTERLY_DAYS = 92;
  static final int GRACE_DAYS = 15;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "metric-stale",
          Severity.WARNING,
          "metrics",
          "A metric has no data point within its cadence (plus 15 days) before the as-of date.",
          """
          Missing success metrics is one of the roadmap pitfalls: you cannot prove ROI without
          measuring, so the methodology asks to define the measurement before spending, track
          it consistently and report monthly on the executive dashboard. A series that stopped
          two months ago makes the dashboard's trend lines and RAG health lie, and gate
          criteria end up judged on old data. A monthly metric needs a point within 31 days, a
          quarterly one within 92, each with 15 days of grace for the month-end close. A
          metric's first reading is due that long after the roadmap's `start` (its baseline
          counts as the reading at the start), so a new roadmap is not stale on day one.""",
          """
          Append the latest observation to the metric's `series` ({date: YYYY-MM-DD, value:
          ...}). If the metric is really reported less often, set `cadence: quarterly`; if it
          is no longer tracked, remove it and the references to it.""",
          """
          cadence: monthly
          series:                       # as of 2027-05-14: 75 days old
            - {date: 2027-02-28, value: 4.80}
          """,
          """
          cadence: monthly
          series:
            - {date: 2027-02-28, value: 4.80}
            - {date: 2027-04-30, value: 4.21}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.METRICS, Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    LocalDate asOf = context.asOf();
    for (Metrics.Metric metric : context.plan().metrics().toList()) {
      boolean quarterly = "quarterly".equals(metric.cadence());
      int cadenceDays = quarterly ? QUARTERLY_DAYS : MONTHLY_DAYS;
      int allowed = cadenceDays + GRACE_DAYS;
      Optional<Metrics.DataPoint> latest = metric.latestOnOrBefore(asOf);
      if (latest.isPresent() && !latest.get().date().isBefore(asOf.minusDays(allowed))) {
        continue;
      }
      // Measurement starts with the roadmap (its baseline counts as the first reading): the
      // first reading of its own is due one cadence plus grace after the start.
      Optional<LocalDate> firstDue = context.plan().roadmap().map(r -> r.start().plusDays(allowed));
      if (latest.isEmpty() && firstDue.filter(d -> !asOf.isAfter(d)).isPresent()) {
        continue;
      }
      String cadence = quarterly ? "quarterly" : "monthly";
      String rule =
          "; a "
              + cadence
              + " metric needs one within "
              + allowed
              + " days ("
              + cadenceDays
              + " + "
              + GRACE_DAYS
              + ")";
      String message =
          latest
              .map(
                  p ->
                      "metric '"
                          + metric.id()
                          + "' was last recorded on "
                          + p.date()
                          + ", "
                          + ChronoUnit.DAYS.between(p.date(), asOf)
                          + " days before the as-of date "
                          + asOf
                          + rule)
              .orElseGet(
                  () ->
                      "metric '"
                          + metric.id()
                          + "' has no data point on or before the as-of date "
                          + asOf
                          + rule);
      context.report(
          metric.at().location("series"),
          message,
          "Append the latest "
              + cadence
              + " value to series ({date: YYYY-MM-DD, value: ...}), or set the cadence the"
              + " metric is really reported at.");
    }
  }
}
