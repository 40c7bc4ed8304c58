package io.waymark.engine.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * ROI %, undiscounted over the horizon. With an up-front outlay (C0 ≠ 0) it is the return beyond
 * that outlay: (Σ_{t≥1} Ct − |C0|) / |C0| × 100 (SPEC §3.1). A case with nothing invested up front
 * (renting, pure operating expense) has no outlay to divide by, so its ROI is taken on the total
 * cost over the horizon instead: (Σ benefits − Σ costs) / Σ costs × 100. Undefined only when the
 * case costs nothing at all.
 */
final class ReturnOnInvestment {

  /** What the ROI is a return on. */
  enum Basis {
    /** |C0|, the one-off costs with contingency. */
    INITIAL_OUTLAY,
    /** Every cost over the horizon, for a case with nothing invested up front. */
    TOTAL_COST
  }

  private ReturnOnInvestment() {}

  /** The basis the ROI of these flows is taken on; empty when there is none (no cost at all). */
  static Optional<Basis> basis(CashFlows flows) {
    if (flows.initial().signum() != 0) {
      return Optional.of(Basis.INITIAL_OUTLAY);
    }
    return flows.totalCost().signum() > 0 ? Optional.of(Basis.TOTAL_COST) : Optional.empty();
  }

  /** The ROI in percent, rounded to four decimals (half-even); empty when nothing is spent. */
  static Optional<BigDecimal> of(CashFlows flows) {
    return basis(flows)
        .map(
            basis -> {
              BigDecimal invested =
                  basis == Basis.INITIAL_OUTLAY ? flows.initial().abs() : flows.totalCost();
              BigDecimal gain =
                  basis == Basis.INITIAL_OUTLAY
                      ? flows.sumAfterInitial().subtract(invested)
                      : flows.totalBenefit().subtract(invested);
              return gain.movePointRight(2)
                  .divide(invested, MathContext.DECIMAL64)
                  .setScale(4, RoundingMode.HALF_EVEN);
            });
  }
}
