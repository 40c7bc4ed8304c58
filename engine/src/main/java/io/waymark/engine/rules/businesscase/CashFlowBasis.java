package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Numbers;
import java.math.BigDecimal;

/** How findings name the cash flows and the rate a figure was computed from. */
final class CashFlowBasis {

  /** Up to this horizon, flows that vary by year are listed one by one. */
  private static final int MAX_LISTED_YEARS = 10;

  private CashFlowBasis() {}

  /**
   * e.g. "cash flows C0 -172,500.00 EUR then 173,000.00 EUR a year for 3 years, discount rate 8%",
   * or "... then 20,000.00 EUR, 90,000.00 EUR, 173,000.00 EUR in years 1-3, ..." when they vary.
   */
  static String describe(CaseFinancials f, String currency) {
    StringBuilder s = new StringBuilder("cash flows C0 ").append(Numbers.money(f.c0(), currency));
    if (f.horizonYears() > 0) {
      String years = f.horizonYears() == 1 ? "1 year" : f.horizonYears() + " years";
      BigDecimal level = f.levelYearlyFlow().orElse(null);
      if (level != null) {
        s.append(" then ")
            .append(Numbers.money(level, currency))
            .append(" a year for ")
            .append(years);
      } else if (f.horizonYears() <= MAX_LISTED_YEARS) {
        s.append(" then ");
        for (int t = 1; t <= f.horizonYears(); t++) {
          s.append(t == 1 ? "" : ", ").append(Numbers.money(f.flows().get(t), currency));
        }
        s.append(" in years 1-").append(f.horizonYears());
      } else {
        s.append(" then yearly flows over ").append(years);
      }
    }
    return s.append(", discount rate ").append(Numbers.percent(f.discountRatePct())).toString();
  }
}
