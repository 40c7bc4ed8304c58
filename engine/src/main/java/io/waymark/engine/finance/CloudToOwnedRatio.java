package io.waymark.engine.finance;

import io.waymark.engine.model.BusinessCase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Cloud annual cost as a percentage of the owned infrastructure's annual TCO. Above 60–70%, owning
 * the infrastructure usually wins. Empty when either figure is missing or the owned TCO is zero.
 */
final class CloudToOwnedRatio {

  private CloudToOwnedRatio() {}

  /** cloudAnnualCost / ownedAnnualTco × 100, rounded to four decimals (half-even). */
  static Optional<BigDecimal> of(BusinessCase.Solution solution) {
    if (solution.cloudAnnualCost().isEmpty()
        || solution.ownedAnnualTco().isEmpty()
        || solution.ownedAnnualTco().get().signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        solution
            .cloudAnnualCost()
            .get()
            .movePointRight(2)
            .divide(solution.ownedAnnualTco().get(), MathContext.DECIMAL64)
            .setScale(4, RoundingMode.HALF_EVEN));
  }
}
