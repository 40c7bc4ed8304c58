package io.waymark.engine.finance;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Payback: the smallest whole month m ≥ 1 at which cumulative (undiscounted) cash is ≥ 0, each
 * year's flow spread evenly over its 12 months; none when that never happens within the horizon.
 *
 * <p>Exact: instead of dividing a year's flow by 12, cumulative cash is compared multiplied by 12,
 * so a case that breaks even to the cent at a month's end pays back in that month.
 */
final class PaybackPeriod {

  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

  private PaybackPeriod() {}

  static Optional<Integer> months(CashFlows flows) {
    // Twelve times the cumulative cash at the end of the previous year.
    BigDecimal cumulative12 = flows.initial().multiply(TWELVE);
    for (int year = 1; year <= flows.horizonYears(); year++) {
      BigDecimal flow = flows.at(year);
      for (int month = 1; month <= 12; month++) {
        if (cumulative12.add(flow.multiply(BigDecimal.valueOf(month))).signum() >= 0) {
          return Optional.of((year - 1) * 12 + month);
        }
      }
      cumulative12 = cumulative12.add(flow.multiply(TWELVE));
    }
    return Optional.empty();
  }
}
