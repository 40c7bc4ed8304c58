package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.rules.Numbers;
import java.math.BigDecimal;

/** How findings name the cash flows and the rate a figure was computed from. */
final class CashFlowBasis {

  private CashFlowBasis() {}

  /** e.g. "cash flows C0 -172,500.00 EUR then 173,000.00 EUR a year for 3 years, at 8%". */
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
      } else {
        s.append(" then yearly flows over ").append(years);
      }
    }
    return s.append(", discount rate ").append(Numbers.percent(f.discountRatePct())).toString();
  }
}
