package io.waymark.engine.finance;

/**
 * TCO = every cost over the horizon: the up-front outlay with contingency plus every recurring cost
 * (with contingency when it is declared on the total cost) — not just the purchase price. For flat
 * cost lines that is |C0| + H × Σ costs.annual (SPEC §3.1). Exact.
 */
final class TotalCostOfOwnership {

  private TotalCostOfOwnership() {}

  static java.math.BigDecimal of(CashFlows flows) {
    return flows.totalCost();
  }
}
