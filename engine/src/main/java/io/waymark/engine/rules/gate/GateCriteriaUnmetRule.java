package io.waymark.engine.rules.gate;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.GateEvaluator;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.time.LocalDate;

/** A passed gate has every criterion met (or waived) by the data at its decision date. */
public final class GateCriteriaUnmetRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "gate-criteria-unmet",
          Severity.ERROR,
          "gates",
          "A gate is marked passed but one of its criteria was not met on the decision date.",
          """
          Each phase ends in a success gate, and the next phase must not start until it passes:
          phase 1 needs pilots running with less than 5% downtime and cost per inference
          measured; phase 2 needs three or more use cases in production, a data-pipeline SLA
          above 99% and a trained team; phase 3 needs ten or more production use cases, positive
          ROI, mature governance and cost per inference down 40% or more. A gate claimed as
          passed while the numbers say otherwise moves the programme on to build on a
          foundation that is not there. Waymark judges each criterion by the latest data point
          on or before `decidedOn`: data recorded later neither rescues nor condemns the
          decision.""",
          """
          Set the gate back to `pending` (or `failed`) until the criterion is met, and record
          the data point that shows it. If the board knowingly accepted the shortfall, add a
          `waiver` to the criterion naming the approved Governance decision and the reason.""",
          """
          gate:
            id: gate-assess-stabilise
            status: passed
            decidedOn: 2027-02-28          # pilot-downtime-pct was 6.1 on 2027-02-28
            evidence: [https://wiki.example/gate-1]
            criteria:
              - id: gc-p1-pilot-downtime
                description: Pilots run with less than 5% downtime
                metric: pilot-downtime-pct
                operator: "<"
                target: 5
          """,
          """
          gate:
            id: gate-assess-stabilise
            status: passed
            decidedOn: 2027-03-31          # 3.2 on 2027-03-31
            evidence: [https://wiki.example/gate-1]
            criteria:
              - id: gc-p1-pilot-downtime
                description: Pilots run with less than 5% downtime
                metric: pilot-downtime-pct
                operator: "<"
                target: 5
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    GateEvaluator evaluator = new GateEvaluator(context.plan());
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        Gate gate = phase.gate();
        // Without a decision date there is nothing to judge by; gate-evidence-missing says so.
        if (gate.status() != Gate.Status.PASSED || gate.decidedOn().isEmpty()) {
          continue;
        }
        LocalDate decided = gate.decidedOn().get();
        for (CriterionResult r : evaluator.evaluate(phase, context.asOf()).criteria()) {
          if (r.state() == CriterionResult.State.NOT_MET
              || r.state() == CriterionResult.State.NO_DATA) {
            report(context, gate, decided, r);
          }
        }
      }
    }
  }

  private static void report(RuleContext context, Gate gate, LocalDate decided, CriterionResult r) {
    boolean noData = r.state() == CriterionResult.State.NO_DATA;
    context.report(
        r.criterion().at().location(),
        "gate "
            + gate.id()
            + " passed on "
            + decided
            + " but criterion "
            + r.id()
            + " was not met then: "
            + r.explanation(),
        noData
            ? "Record the data point that shows the criterion met on or before decidedOn, or set"
                + " the gate back to pending until it is measured."
            : "Set the gate back to pending until the criterion is met, or add a waiver to the"
                + " criterion naming the approved Governance decision that accepted the"
                + " shortfall.");
  }
}
