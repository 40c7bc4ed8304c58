package io.waymark.engine.rules.gate;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A waived gate has a waiver, and every waiver (of a gate or of one criterion) rests on an approved
 * Governance decision taken no later than the gate decision. A decision id that names no decision
 * at all is {@code decision-unknown}'s finding, not this rule's.
 */
public final class GateWaiverInvalidRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "gate-waiver-invalid",
          Severity.ERROR,
          "gates",
          "A gate is waived without a waiver, or a waiver names a decision that was not approved"
              + " or was taken after the gate decision.",
          """
          A phase must not start before the previous gate passes. Sometimes the board knowingly
          lets a phase go ahead anyway; the methodology puts every such major decision through
          the governance process, so that the risk is accepted by the people accountable for it
          and not by whoever edits the roadmap. A waiver therefore has to name a Governance
          decision whose outcome is `approved`, and that decision must already have been taken
          when the gate was decided: a decision dated later is a justification written after the
          fact.""",
          """
          Give a waived gate a `waiver: {decision, reason}`. Point each waiver at an approved
          decision in governance.yaml dated on or before the gate's `decidedOn`; if the board
          rejected the waiver, the gate is `failed`, not waived.""",
          """
          gate:
            id: gate-build-foundations
            status: waived
            decidedOn: 2027-09-30
            waiver:
              decision: dec-gpu-purchase-rejected    # outcome: rejected
              reason: SLA at 98.7 %, accepted for one quarter
          """,
          """
          gate:
            id: gate-build-foundations
            status: waived
            decidedOn: 2027-09-30
            waiver:
              decision: dec-waive-pipeline-sla       # outcome: approved, dated 2027-09-30
              reason: SLA at 98.7 %, accepted for one quarter
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ROADMAP, Kind.GOVERNANCE);
  }

  @Override
  public void check(RuleContext context) {
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        Gate gate = phase.gate();
        if (gate.status() == Gate.Status.WAIVED && gate.waiver().isEmpty()) {
          context.report(
              gate.at().location("status"),
              "gate " + gate.id() + " of " + phase.id() + " is waived but has no waiver",
              "Add waiver: {decision: <approved Governance decision id>, reason: ...}, or set"
                  + " the gate to failed or pending.");
        }
        // Without a decision date, a waiver cannot be dated after it; judge by as-of instead.
        LocalDate decided = gate.decidedOn().orElse(context.asOf());
        String when = gate.decidedOn().isPresent() ? "the gate decision of " : "the as-of date ";
        gate.waiver().ifPresent(w -> check(context, w, "gate " + gate.id(), decided, when));
        for (Gate.Criterion c : gate.criteria()) {
          c.waiver()
              .ifPresent(
                  w ->
                      check(
                          context,
                          w,
                          "criterion " + c.id() + " of gate " + gate.id(),
                          decided,
                          when));
        }
      }
    }
  }

  private static void check(
      RuleContext context, Gate.Waiver waiver, String what, LocalDate decided, String when) {
    Optional<Governance.Decision> found = context.plan().decision(waiver.decision());
    if (found.isEmpty()) {
      return; // decision-unknown
    }
    Governance.Decision d = found.get();
    if (!d.approved()) {
      context.report(
          waiver.at().location("decision"),
          "the waiver of "
              + what
              + " names decision "
              + d.id()
              + " whose outcome is '"
              + d.outcome()
              + "', not 'approved'",
          "Name the approved decision that accepted the shortfall; a rejected waiver means the"
              + " gate (or criterion) is not met.");
    } else if (d.date().isAfter(decided)) {
      context.report(
          waiver.at().location("decision"),
          "the waiver of "
              + what
              + " names decision "
              + d.id()
              + " of "
              + d.date()
              + ", after "
              + when
              + decided,
          "A waiver must be approved before the gate is decided: name a decision dated on or"
              + " before "
              + decided
              + ", or move decidedOn to the date of the approval.");
    }
  }
}
