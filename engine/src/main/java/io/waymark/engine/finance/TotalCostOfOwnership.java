package io.waymark.engine.finance;

import io.waymark.engine.model.BusinessCase;
import java.math.BigDecimal;

/**
 * TCO = |C0| + H × Σ costs.annual: the up-front outlay (with contingency) plus every recurring cost
 * over the horizon — not just the purchase price. Exact.
 */
final class TotalCostOfOwnership {

  private TotalCostOfOwnership() {}

  static BigDecimal of(BusinessCase bc, CashFlows flows) {
    BigDecimal annual = BigDecimal.ZERO;
    for (BusinessCase.Cost c : bc.costs()) {
      annual = annual.add(c.annual());
    }
    return flows.initial().abs().add(annual.multiply(BigDecimal.valueOf(flows.horizonYears())));
  }
}
