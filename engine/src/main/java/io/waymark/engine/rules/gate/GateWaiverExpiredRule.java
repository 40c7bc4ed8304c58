package io.waymark.engine.rules.gate;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.Facts;
import io.waymark.engine.gate.Waivers;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A time-boxed waiver (of a gate or of one criterion) whose {@code expires} date is before the
 * as-of date while the shortfall it accepted is still there ({@link Waivers}). A waiver without
 * {@code expires}, or one whose criterion is met by now, is never reported.
 */
public final class GateWaiverExpiredRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "gate-waiver-expired",
          Severity.WARNING,
          "gates",
          "A gate or criterion waiver is past its expires date and the shortfall it accepted is"
              + " still there.",
          """
          The methodology's gates say when a phase is ready for the next one; a waiver is the
          board accepting a shortfall anyway, and a time-boxed waiver (`expires`) accepts it only
          until a date, for example until the next re-assessment. When that date passes and the
          criterion is still not met, the acceptance has run out: nobody has decided to keep
          living with the gap, the phase built on the gate rests on an expired decision, and a
          pending gate's waived criterion counts as not met again. A gate decided while the
          waiver applied stays decided (Waymark never reopens a past decision); the warning asks
          for the decision that is now due. A waiver without `expires` applies indefinitely and
          is never reported.""",
          """
          Close the shortfall (the criterion is met by the latest data point on or before the
          as-of date, and the warning goes away), or take the waiver back to the board and
          record the renewal: a new approved Governance decision in the waiver and a later
          `expires`. A waived gate whose criteria are now all met can be recorded as `passed`
          with `decidedOn` and evidence.""",
          """
          gate:
            id: gate-build-foundations
            status: waived
            decidedOn: 2027-04-30
            waiver:
              decision: dec-waive-pipeline-sla       # approved on 2027-04-30
              reason: SLA at 97.8 %, accepted until the first ETL wave lands
              expires: 2027-04-30                    # as of 2027-05-14: expired, SLA still 97.8 %
          """,
          """
          gate:
            id: gate-build-foundations
            status: waived
            decidedOn: 2027-04-30
            waiver:
              decision: dec-waive-pipeline-sla       # approved on 2027-04-30
              reason: SLA at 97.8 %, accepted until the first ETL wave lands
              expires: 2027-06-30
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** The waivers in the roadmap, and the data their criteria are judged by (as the gate rules). */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ROADMAP, Kind.METRICS, Kind.USE_CASE, Kind.BUSINESS_CASE);
  }

  @Override
  public void check(RuleContext context) {
    for (Waivers.Open w : Waivers.open(context.plan(), context.asOf())) {
      if (!w.expiredOn(context.asOf())) {
        continue;
      }
      String still =
          w.criterion().isPresent()
              ? "the criterion is still not met: " + explain(context, w.shortfall().get(0))
              : (w.shortfall().size() == 1
                      ? "1 criterion is still not met: "
                      : w.shortfall().size() + " criteria are still not met: ")
                  + w.shortfall().stream()
                      .map(r -> r.id() + " (" + explain(context, r) + ")")
                      .collect(Collectors.joining("; "));
      context.report(
          w.waiver().at().location("expires"),
          "the waiver of "
              + w.subject()
              + " (decision "
              + w.waiver().decision()
              + ") expired on "
              + w.expires()
              + " and "
              + still,
          "Meet the criterion (the latest data point on or before the as-of date counts), or"
              + " renew the waiver: a new approved Governance decision and a later 'expires'.");
    }
  }

  /**
   * Why a criterion is not met; its metric being in a file that failed its schema or could not be
   * read is said as such, not as "no metric".
   */
  private static String explain(RuleContext context, CriterionResult r) {
    Optional<String> metric = Facts.metricOf(r.criterion());
    if (metric.isPresent() && context.plan().metric(metric.get()).isEmpty()) {
      Optional<String> file = context.ids().invalidItem("metric", metric.get());
      if (file.isPresent()) {
        return context.ids().invalid("metric '" + metric.get() + "'", file.get());
      }
      return context.ids().notFound(r.explanation());
    }
    return r.explanation();
  }
}
