package io.waymark.engine.rules.gate;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.ArrayList;
import java.util.List;

/** A passed gate says when it was decided and where the evidence is. */
public final class GateEvidenceMissingRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "gate-evidence-missing",
          Severity.ERROR,
          "gates",
          "A gate is marked passed without a decision date or without evidence.",
          """
          A success gate is what lets the next phase start and the next tranche of money flow.
          The methodology asks to prove value at every step: a gate claimed without a date
          cannot be checked against the data of that day, and one claimed without evidence
          cannot be audited at the quarterly review. "Passed" then only means someone changed a
          word in a YAML file.""",
          """
          Add `decidedOn` (the date of the gate review) and at least one `evidence` entry: the
          review minutes, a dashboard link or a repository path such as
          `metrics/executive-dashboard.yaml#pilot-downtime-pct`.""",
          """
          gate:
            id: gate-assess-stabilise
            status: passed
            criteria: [...]
          """,
          """
          gate:
            id: gate-assess-stabilise
            status: passed
            decidedOn: 2027-03-31
            evidence:
              - https://wiki.example/ai-programme/gates/phase-1-review
            criteria: [...]
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        Gate gate = phase.gate();
        if (gate.status() != Gate.Status.PASSED) {
          continue;
        }
        List<String> missing = new ArrayList<>();
        if (gate.decidedOn().isEmpty()) {
          missing.add("no decidedOn");
        }
        if (!gate.hasEvidence()) {
          missing.add("no evidence");
        }
        if (missing.isEmpty()) {
          continue;
        }
        context.report(
            gate.at().location("status"),
            "gate "
                + gate.id()
                + " of "
                + phase.id()
                + " is passed with "
                + String.join(" and ", missing),
            "Add decidedOn (the date of the gate review) and at least one evidence entry (a URL"
                + " or repository path), or set the gate back to pending.");
      }
    }
  }
}
