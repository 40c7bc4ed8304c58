package io.waymark.engine.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * ROI % = (Σ_{t≥1} Ct − |C0|) / |C0| × 100: what the case returns over its horizon beyond the
 * initial outlay, undiscounted. Undefined when nothing is invested up front (C0 = 0).
 */
final class ReturnOnInvestment {

  private ReturnOnInvestment() {}

  /** The ROI in percent, rounded to four decimals (half-even); empty when C0 is 0. */
  static Optional<BigDecimal> of(CashFlows flows) {
    BigDecimal invested = flows.initial().abs();
    if (invested.signum() == 0) {
      return Optional.empty();
    }
    BigDecimal gain = flows.sumAfterInitial().subtract(invested);
    return Optional.of(
        gain.movePointRight(2)
            .divide(invested, MathContext.DECIMAL64)
            .setScale(4, RoundingMode.HALF_EVEN));
  }
}
