package io.waymark.engine.rules.gate;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.gate.DescribedTarget;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.List;

/**
 * A gate criterion whose description states a number that its target does not: after a target is
 * lowered (99 to 93.7), the description "Data-pipeline SLA above 99 %" still promises the old one
 * to everyone who reads the gate table.
 */
public final class CriterionDescriptionMismatchRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "criterion-description-mismatch",
          Severity.WARNING,
          "gates",
          "A gate criterion's description states a number that differs from its target.",
          """
          A success gate is read by people in its description ("Data-pipeline SLA above 99 %")
          and judged by Waymark on its `target`. When a target is re-planned (lowered after a
          hard quarter, raised after a good one) and the description is not, the gate table,
          the QBR and the steering committee see one number while the gate is decided on
          another; the methodology's gates only work when everyone reads the same bar. The rule
          reads the numbers a description states (digits such as 99, 93.7 or 80 %, and the
          words one to twelve, twenty, thirty, fifty and a hundred), leaving out numbers that
          belong to a name (phase-1, p95, Q3), dates, years and ranges such as 70-20-10, and
          warns when the description states numbers and none of them is the target (or the
          target as a percentage, 0.99 for 99 %). The report shows the target as the truth.""",
          """
          Update the description to the target (the target is what the gate is judged on), or
          restore the target if it was changed by mistake; record a lowered target's reason as
          a governance decision.""",
          """
          criteria:
            - id: gc-p2-pipeline-sla
              description: Data-pipeline SLA above 99 %
              metric: data-pipeline-sla-pct
              operator: ">"
              target: 93.7              # lowered; the description still says 99
          """,
          """
          criteria:
            - id: gc-p2-pipeline-sla
              description: Data-pipeline SLA above 93.7 %
              metric: data-pipeline-sla-pct
              operator: ">"
              target: 93.7
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
        for (Gate.Criterion c : phase.gate().criteria()) {
          if (c.target().isEmpty()) {
            continue;
          }
          List<BigDecimal> stated = DescribedTarget.contradicted(c);
          if (stated.isEmpty()) {
            continue;
          }
          context.report(
              c.at().location("description"),
              "criterion "
                  + c.id()
                  + " of gate "
                  + phase.gate().id()
                  + ": its description states "
                  + String.join(", ", stated.stream().map(BigDecimal::toPlainString).toList())
                  + " but its target is "
                  + c.operator()
                  + " "
                  + c.target().get().toPlainString()
                  + " (the gate is judged on the target)",
              "Write the target into the description (e.g. '"
                  + c.operator()
                  + " "
                  + c.target().get().toPlainString()
                  + "'), or restore the target if it was changed by mistake; record why a target"
                  + " was lowered as a governance decision.");
        }
      }
    }
  }
}
