package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/** Every section of the business-case template has content. */
public final class BcIncompleteRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "bc-incomplete",
          Severity.ERROR,
          "business cases",
          "A section of the business-case template is empty.",
          """
          A business case follows one template: the problem (what it costs today and what it
          constrains), the proposed solution (approach, build/buy/rent, vendor, cost,
          timeline), the costs by category and the benefits with their KPIs, the business
          outcome it is anchored in (revenue growth, cost reduction or risk mitigation), and
          risk mitigation (what happens if we don't invest, and what is salvaged if it
          under-delivers). The schema accepts an empty string or an empty list, but a case
          with an empty section cannot be weighed: an empty benefit list makes every ROI
          negative, an empty risk section hides the cost of doing nothing.""",
          """
          Fill in the section the finding points at: say what the problem costs today,
          describe the approach, list the one-off and annual costs and the annual benefits,
          and write both risk answers. A draft may stay incomplete on a branch; merge it when
          it is whole.""",
          """
          spec:
            problem:
              statement: ""
            costs: []
            risks:
              ifNotInvested: Pilots stay in single file behind manual data preparation.
              ifUnderdelivers: "   "
          """,
          """
          spec:
            problem:
              statement: Manual data preparation takes 40 hours a week; one pilot at a time.
            costs:
              - {category: professional-services, oneOff: 70000}
            risks:
              ifNotInvested: Pilots stay in single file behind manual data preparation.
              ifUnderdelivers: The pipelines also feed billing and reporting (salvage value).
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
    for (BusinessCase bc : context.plan().businessCases()) {
      Section s = new Section(context, bc);
      s.text(
          bc.problem().statement(),
          bc.problem().at(),
          "statement",
          "problem statement",
          "Say what the problem costs today and what it constrains.");
      s.text(
          bc.solution().approach(),
          bc.solution().at(),
          "approach",
          "solution approach",
          "Describe the technical approach, with the build/buy/rent choice and the vendor.");
      s.text(
          bc.outcome(),
          bc.at(),
          "spec/outcome",
          "business outcome",
          "Anchor the case in revenue-growth, cost-reduction or risk-mitigation.");
      s.list(
          bc.costs().isEmpty(),
          bc.at(),
          "spec/costs",
          "no cost lines",
          "List the one-off and annual costs by category, including training, support, data"
              + " egress and professional services.");
      s.list(
          bc.benefits().isEmpty(),
          bc.at(),
          "spec/benefits",
          "no benefits",
          "List the expected annual benefits, each with the KPI that will show it.");
      s.text(
          bc.risks().ifNotInvested(),
          bc.risks().at(),
          "ifNotInvested",
          "risk section 'ifNotInvested'",
          "Say what happens if the organisation does not invest (the cost of doing nothing).");
      s.text(
          bc.risks().ifUnderdelivers(),
          bc.risks().at(),
          "ifUnderdelivers",
          "risk section 'ifUnderdelivers'",
          "Say what is left if the investment under-delivers (its salvage value).");
    }
  }

  /** Reports the empty sections of one case. */
  private record Section(RuleContext context, BusinessCase bc) {

    // The location is worked out only for a finding: most cases have every section.
    void text(String value, Anchor at, String field, String what, String hint) {
      if (value.isBlank()) {
        context.report(
            at.location(field), "business case '" + id() + "' has an empty " + what, hint);
      }
    }

    void list(boolean empty, Anchor at, String field, String what, String hint) {
      if (empty) {
        context.report(at.location(field), "business case '" + id() + "' has " + what, hint);
      }
    }

    private String id() {
      return bc.metadata().id();
    }
  }
}
