package io.waymark.engine.rules.pitfall;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/**
 * Pitfall 5, missing success metrics: every initiative has a business case, and every benefit of a
 * business case names the KPI that will show it.
 */
public final class PitfallNoMetricsRule implements Rule {

  private static final int QUOTE_LENGTH = 60;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "pitfall-no-metrics",
          Severity.WARNING,
          "pitfalls",
          "An initiative has no business case, or a business-case benefit names no KPI.",
          """
          Pitfall 5 is missing success metrics: you cannot prove ROI if you are not measuring.
          The fix is to define the measurement before spending: each initiative maps to a
          business outcome through its business case, and each expected benefit is tied to a
          KPI with a baseline and a target, tracked consistently and reported transparently.
          An initiative without a business case, or a benefit without a KPI, spends money
          that no dashboard will ever account for.""",
          """
          Give the initiative a `businessCase`, and give every benefit a `kpi` naming a metric
          in `metrics/*.yaml` (with `baseline` and `target`).""",
          """
          benefits:
            - description: Data preparation time cut by 80 %
              annual: 156000            # no kpi: nothing will show whether it happened
          """,
          """
          benefits:
            - description: Data preparation time cut by 80 %
              annual: 156000
              kpi: data-prep-hours-per-week
              baseline: 40
              target: 8
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * Findings on a file depend only on that file's documents: a roadmap's on its own budget or
   * initiatives, a business case's on its own figures (nothing resolves a reference across files).
   */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Initiative initiative : roadmap.initiatives()) {
        if (initiative.businessCase().filter(id -> !id.isBlank()).isEmpty()) {
          context.report(
              initiative.at().location("id"),
              "initiative '"
                  + initiative.id()
                  + "' ("
                  + Numbers.money(initiative.budget(), context.plan().config().currency())
                  + ") has no business case, so no KPI says whether it worked",
              "Add businessCase: <id> naming a business case whose benefits name their KPIs.");
        }
      }
    }
    for (BusinessCase bc : context.plan().businessCases()) {
      for (BusinessCase.Benefit benefit : bc.benefits()) {
        if (benefit.kpi().filter(id -> !id.isBlank()).isPresent()) {
          continue;
        }
        context.report(
            benefit.at().location(),
            "benefit '"
                + quote(benefit.description())
                + "' of business case '"
                + bc.metadata().id()
                + "' ("
                + Numbers.money(benefit.annual(), context.plan().config().currency())
                + " a year) names no kpi",
            "Add kpi: <metric id> naming the metric that will show this benefit, with its"
                + " baseline and target.");
      }
    }
  }

  private static String quote(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= QUOTE_LENGTH ? flat : flat.substring(0, QUOTE_LENGTH - 3) + "...";
  }
}
