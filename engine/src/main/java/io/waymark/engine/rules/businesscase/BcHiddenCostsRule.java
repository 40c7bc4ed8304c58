package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.List;

/** A business case lists at least one of the costs that are usually forgotten. */
public final class BcHiddenCostsRule implements Rule {

  static final List<String> HIDDEN =
      List.of("support", "data-egress", "professional-services", "training");

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "bc-hidden-costs",
          Severity.WARNING,
          "business cases",
          "A business case lists none of the hidden costs: support, data egress, professional"
              + " services, training.",
          """
          Total cost of ownership is more than the purchase price. The costs that business
          cases most often leave out are training, support, data egress and professional
          services; vendors rarely put them in the headline price, and they are the ones that
          surface as overruns after approval. A case that lists none of them has almost
          certainly understated its TCO and overstated its ROI and NPV. (A case with no cost
          lines at all is reported by `bc-incomplete` instead.)""",
          """
          Add the hidden costs that apply as cost lines (`support`, `data-egress`,
          `professional-services`, `training`), one-off or annual. If one truly is zero, list
          it with 0 and say why in a description, so that reviewers see it was considered.""",
          """
          costs:
            - {category: infrastructure, oneOff: 55000}
            - {category: software-licences, annual: 20000}
          """,
          """
          costs:
            - {category: infrastructure, oneOff: 55000}
            - {category: software-licences, annual: 20000}
            - {category: support, annual: 7000}
            - {category: data-egress, annual: 9000}
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
      if (bc.costs().isEmpty()
          || bc.costs().stream().anyMatch(c -> HIDDEN.contains(c.category()))) {
        continue;
      }
      List<String> listed =
          bc.costs().stream().map(BusinessCase.Cost::category).distinct().toList();
      context.report(
          bc.at().location("spec/costs"),
          "business case '"
              + bc.metadata().id()
              + "' lists only "
              + String.join(", ", listed)
              + " costs and none of the hidden ones (support, data-egress,"
              + " professional-services, training)",
          "Add cost lines for the hidden costs that apply: training, support, data egress,"
              + " professional services.");
    }
  }
}
