package io.waymark.engine.finance;

import io.waymark.engine.model.BusinessCase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How robust a business case is to its own assumptions (issue 10 §4): how far the benefits may
 * fall, or the costs rise, before the NPV turns negative, and the NPV and payback with benefits or
 * costs moved by ±10 % and ±20 %.
 *
 * <p>Both margins are exact up to their final rounding: with g = 1 + r, the NPV times g^H is the
 * exact sum Σ Ct·g^(H−t), and the same holds for the present value of the benefits and of the
 * costs, so each margin is one quotient of two exact decimals, rounded to four decimals
 * (half-even). Moving every benefit by the same share x moves the NPV by x times the present value
 * of the benefits, which is why one quotient is the whole answer.
 *
 * @param npv the NPV of the case as declared, rounded to cents
 * @param benefitFallPct how far, in percent, every benefit may fall before the NPV is negative;
 *     negative when the NPV already is (the benefits would have to rise); empty when the case has
 *     no benefits to fall
 * @param costRisePct how far, in percent, every cost (contingency included) may rise before the NPV
 *     is negative; negative when it already is; empty when the case has no costs
 * @param scenarios the NPV and payback with benefits or costs moved by −20, −10, +10 and +20 %
 * @param fallsNegativeAtMinus10PctBenefits true when the NPV is non-negative as declared but
 *     negative with every benefit 10 % lower (rule {@code bc-fragile}), decided on the exact value
 */
public record CaseSensitivity(
    BigDecimal npv,
    Optional<BigDecimal> benefitFallPct,
    Optional<BigDecimal> costRisePct,
    List<Scenario> scenarios,
    boolean fallsNegativeAtMinus10PctBenefits) {

  /** The moves examined, in percent. */
  public static final List<Integer> MOVES = List.of(-20, -10, 10, 20);

  private static final MathContext QUOTIENT = new MathContext(34, RoundingMode.HALF_EVEN);

  public CaseSensitivity {
    scenarios = List.copyOf(scenarios);
  }

  /** What is moved. */
  public enum Driver {
    BENEFITS,
    COSTS
  }

  /**
   * One what-if: every benefit (or every cost) times (1 + changePct/100).
   *
   * @param npv the NPV, rounded to cents
   * @param paybackMonths the payback month; empty when the case no longer pays back
   */
  public record Scenario(
      Driver driver, int changePct, BigDecimal npv, Optional<Integer> paybackMonths) {}

  public static CaseSensitivity of(BusinessCase bc) {
    return of(CashFlows.of(bc), bc.financials().discountRatePct());
  }

  static CaseSensitivity of(CashFlows flows, BigDecimal ratePct) {
    BigDecimal growth = NetPresentValue.growth(ratePct);
    BigDecimal npvScaled = compounded(flows.flows(), growth);
    BigDecimal benefitsScaled = compounded(flows.benefits(), growth);
    BigDecimal costsScaled = compounded(flows.costs(), growth);
    List<Scenario> scenarios = new ArrayList<>();
    for (Driver driver : Driver.values()) {
      for (int move : MOVES) {
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(move).movePointLeft(2));
        CashFlows moved =
            driver == Driver.BENEFITS
                ? flows.scaled(factor, BigDecimal.ONE)
                : flows.scaled(BigDecimal.ONE, factor);
        scenarios.add(
            new Scenario(
                driver, move, NetPresentValue.of(moved, ratePct), PaybackPeriod.months(moved)));
      }
    }
    return new CaseSensitivity(
        NetPresentValue.of(flows, ratePct),
        margin(npvScaled, benefitsScaled),
        margin(npvScaled, costsScaled),
        scenarios,
        fallsNegativeAtMinus10PctBenefits(npvScaled, benefitsScaled));
  }

  /**
   * {@link #fallsNegativeAtMinus10PctBenefits()} of the case, decided alone: two exact sums, none
   * of the scenarios (rule {@code bc-fragile} asks this of every approved case, and most hold).
   */
  public static boolean fallsNegativeAtMinus10PctBenefits(BusinessCase bc) {
    CashFlows flows = CashFlows.of(bc);
    BigDecimal growth = NetPresentValue.growth(bc.financials().discountRatePct());
    return fallsNegativeAtMinus10PctBenefits(
        compounded(flows.flows(), growth), compounded(flows.benefits(), growth));
  }

  /** From NPV·g^H and PV(benefits)·g^H: non-negative as declared, negative at −10 % benefits. */
  private static boolean fallsNegativeAtMinus10PctBenefits(
      BigDecimal npvScaled, BigDecimal benefitsScaled) {
    // NPV·g^H with every benefit 10 % lower: the exact sum minus a tenth of the benefits' part.
    BigDecimal atMinus10 = npvScaled.subtract(benefitsScaled.movePointLeft(1));
    return npvScaled.signum() >= 0 && atMinus10.signum() < 0;
  }

  /** The scenario for {@code driver} moved by {@code changePct}. */
  public Optional<Scenario> scenario(Driver driver, int changePct) {
    return scenarios.stream()
        .filter(s -> s.driver() == driver && s.changePct() == changePct)
        .findFirst();
  }

  /** NPV / PV(part) × 100, from both values times g^H; empty when the part is worth nothing. */
  private static Optional<BigDecimal> margin(BigDecimal npvScaled, BigDecimal partScaled) {
    if (partScaled.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        npvScaled
            .movePointRight(2)
            .divide(partScaled, QUOTIENT)
            .setScale(4, RoundingMode.HALF_EVEN));
  }

  /** Σ x_t · g^(H−t), exact: the present value of x times g^H. */
  private static BigDecimal compounded(List<BigDecimal> amounts, BigDecimal growth) {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal amount : amounts) {
      sum = sum.multiply(growth).add(amount);
    }
    return sum;
  }
}
