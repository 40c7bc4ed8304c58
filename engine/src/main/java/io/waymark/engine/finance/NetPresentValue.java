package io.waymark.engine.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** NPV = Σ Ct / (1+r)^t, with r the discount rate in percent divided by 100. */
final class NetPresentValue {

  private NetPresentValue() {}

  /** The NPV at {@code ratePct} percent, rounded to cents (half-even). */
  static BigDecimal of(CashFlows flows, BigDecimal ratePct) {
    return unrounded(flows, ratePct).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** 1 + r: what a year's flow is discounted (or compounded) by, at {@code ratePct} percent. */
  static BigDecimal growth(BigDecimal ratePct) {
    return BigDecimal.ONE.add(ratePct.movePointLeft(2));
  }

  /**
   * The NPV to 16 significant digits. At 0% it is the exact plain sum of the flows; a rate of -100%
   * or less has no present value and is refused.
   */
  static BigDecimal unrounded(CashFlows flows, BigDecimal ratePct) {
    BigDecimal growth = growth(ratePct);
    if (growth.signum() <= 0) {
      throw new IllegalArgumentException("a discount rate must be above -100%: " + ratePct);
    }
    if (ratePct.signum() == 0) {
      return flows.initial().add(flows.sumAfterInitial());
    }
    BigDecimal npv = flows.initial();
    BigDecimal factor = BigDecimal.ONE;
    for (int t = 1; t <= flows.horizonYears(); t++) {
      factor = factor.multiply(growth, MathContext.DECIMAL64);
      npv = npv.add(flows.at(t).divide(factor, MathContext.DECIMAL64), MathContext.DECIMAL64);
    }
    return npv;
  }
}
