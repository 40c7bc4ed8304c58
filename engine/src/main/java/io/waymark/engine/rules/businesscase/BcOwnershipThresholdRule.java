package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.Set;

/** Cloud cost above 65% of the owned TCO: owning is likely cheaper. */
public final class BcOwnershipThresholdRule implements Rule {

  static final BigDecimal THRESHOLD_PCT = BigDecimal.valueOf(65);

  /** Sourcing that already owns (part of) the infrastructure. */
  static final Set<String> OWNING = Set.of("hybrid", "buy");

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "bc-ownership-threshold",
          Severity.INFO,
          "business cases",
          "The cloud annual cost is above 65% of the owned infrastructure's annual TCO.",
          """
          "Can't we just use cloud services?" is the first objection to an infrastructure
          case, and the methodology answers it with a threshold: once cloud costs exceed
          60-70% of the total cost of owning the same capacity, ownership makes sense. Waymark
          takes the middle of that band, 65%, and compares `solution.cloudAnnualCost` with
          `solution.ownedAnnualTco`. This is information, not an error: bursty workloads,
          data sovereignty and utilisation below 60% can still favour renting, but the case
          should say why. A case whose sourcing is already `hybrid` or `buy` has taken that
          advice and is not reported (`ownership-below-threshold` checks the opposite
          direction: owning while the cloud is still much cheaper).""",
          """
          Compare owning with renting in the case: consider a hybrid (owned base load, rented
          peak) or buying, once utilisation of the owned capacity would exceed 60%. If renting
          stays the right call, say why in the solution approach and keep the figures current.""",
          """
          solution:
            sourcing: rent
            cloudAnnualCost: 250000    # 81% of the owned TCO
            ownedAnnualTco: 310000
          """,
          """
          solution:
            sourcing: hybrid
            cloudAnnualCost: 150000    # 48% of the owned TCO
            ownedAnnualTco: 310000
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
    String currency = context.plan().config().currency();
    for (BusinessCase bc : context.plan().businessCases()) {
      if (OWNING.contains(bc.solution().sourcing())) {
        continue; // already hybrid or bought: the advice to weigh ownership is moot
      }
      CaseFinancials f = context.financials(bc);
      if (f.cloudToOwnedPct().isEmpty()
          || f.cloudToOwnedPct().get().compareTo(THRESHOLD_PCT) <= 0) {
        continue;
      }
      BusinessCase.Solution s = bc.solution();
      context.report(
          s.at().location("cloudAnnualCost"),
          "cloud annual cost "
              + Numbers.money(s.cloudAnnualCost().orElseThrow(), currency)
              + " is "
              + Numbers.percent(f.cloudToOwnedPct().get())
              + " of the owned annual TCO "
              + Numbers.money(s.ownedAnnualTco().orElseThrow(), currency)
              + ", above "
              + Numbers.percent(THRESHOLD_PCT)
              + ": owning the infrastructure is likely cheaper",
          "Weigh buying or a hybrid (owned base load, rented peak) in business case '"
              + bc.metadata().id()
              + "', or say in the approach why renting stays cheaper.");
    }
  }
}
