package io.waymark.engine.finance;

import static io.waymark.engine.finance.Cases.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Business cases computed end to end. Every expectation is worked out by hand in the comment above
 * it (SPEC §3.1), not copied from the implementation.
 */
class CaseFinancialsTest {

  /**
   * The guide's pipeline case as in example-roadmap/business-cases/pipeline-automation.yaml.
   *
   * <pre>
   * one-off  70,000 + 45,000 + 20,000 + 15,000 = 150,000;  x 1.15 contingency -> C0 = -172,500
   * annual benefits 156,000 + 48,000 = 204,000;  annual costs 20,000 + 6,000 + 5,000 = 31,000
   * Ct = 204,000 - 31,000 = 173,000 for t = 1..3
   * NPV at 8%  = -172,500 + 173,000 x (1/1.08 + 1/1.1664 + 1/1.259712)
   *            = -172,500 + 173,000 x 2.5770970 = -172,500 + 445,837.78 = 273,337.78
   * IRR        : 1/(1+r) = 0.5427164 -> 173,000 x (0.5427164 + 0.2945411 + 0.1598523)
   *              = 173,000 x 0.9971098 = 172,500.00  -> r = 84.2583%
   * ROI        = (3 x 173,000 - 172,500) / 172,500 = 346,500 / 172,500 = 200.8696%
   * TCO        = 172,500 + 3 x 31,000 = 265,500
   * payback    : 12 x -172,500 + m x 173,000 >= 0  ->  m >= 11.97  ->  month 12
   * declared in the example: roi 200.9, npv 273338, irr 84.3, paybackMonths 12 (all within 1%)
   * </pre>
   */
  @Test
  void shouldComputeTheGuidesPipelineCase() {
    CaseFinancials f =
        aCase()
            .oneOff("professional-services", 70_000)
            .oneOff("personnel", 45_000)
            .oneOff("infrastructure", 20_000)
            .oneOff("training", 15_000)
            .annualCost("software-licences", 20_000)
            .annualCost("support", 6_000)
            .annualCost("compute", 5_000)
            .contingency(15)
            .benefit(156_000)
            .benefit(48_000)
            .discountRate("8")
            .horizon(3)
            .financials();

    assertThat(f.c0()).isEqualByComparingTo("-172500");
    assertThat(f.flows())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd("-172500"), bd("173000"), bd("173000"), bd("173000"));
    assertThat(f.npv()).isEqualByComparingTo("273337.78");
    assertThat(f.irr()).hasValueSatisfying(irr -> assertThat(irr).isEqualByComparingTo("84.2583"));
    assertThat(f.roi()).hasValueSatisfying(roi -> assertThat(roi).isEqualByComparingTo("200.8696"));
    assertThat(f.tco()).isEqualByComparingTo("265500");
    assertThat(f.paybackMonths()).contains(12);
    assertThat(f.cloudToOwnedPct()).isEmpty();
    assertThat(f.discountRatePct()).isEqualByComparingTo("8");
    assertThat(f.horizonYears()).isEqualTo(3);
    assertThat(f.levelYearlyFlow())
        .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("173000"));
    // Within the default 1% of the declared figures:
    assertThat(relativeGap(bd("273338"), f.npv())).isLessThan(bd("1"));
    assertThat(relativeGap(bd("84.3"), f.irr().orElseThrow())).isLessThan(bd("1"));
    assertThat(relativeGap(bd("200.9"), f.roi().orElseThrow())).isLessThan(bd("1"));
  }

  /**
   * At 0% nothing is discounted: NPV = -1,000 + 400 + 400 + 400 = 200, exactly. IRR > 0 then, and
   * with C0 = -1,000 the ROI is (1,200 - 1,000) / 1,000 = 20%.
   */
  @Test
  void shouldMakeNpvThePlainSumAtAZeroDiscountRate() {
    CaseFinancials f =
        aCase()
            .oneOff("infrastructure", 1_000)
            .benefit(400)
            .discountRate("0")
            .horizon(3)
            .financials();

    assertThat(f.npv()).isEqualByComparingTo("200.00");
    assertThat(f.roi()).hasValueSatisfying(roi -> assertThat(roi).isEqualByComparingTo("20"));
    assertThat(f.irr()).hasValueSatisfying(irr -> assertThat(irr).isPositive());
  }

  /**
   * No recurring benefit: C0 = -100,000 x 1.10 = -110,000 and Ct = 0 - 5,000 = -5,000. Every flow
   * is negative: no IRR, cumulative cash only falls, so it never pays back.
   *
   * <pre>
   * NPV = -110,000 - 5,000 x 2.5770970 = -110,000 - 12,885.48 = -122,885.48
   * ROI = (-15,000 - 110,000) / 110,000 = -113.6364%
   * TCO = 110,000 + 3 x 5,000 = 125,000
   * </pre>
   */
  @Test
  void shouldHaveNoIrrAndNoPaybackWithoutARecurringBenefit() {
    CaseFinancials f =
        aCase()
            .oneOff("infrastructure", 100_000)
            .annualCost("support", 5_000)
            .contingency(10)
            .financials();

    assertThat(f.c0()).isEqualByComparingTo("-110000");
    assertThat(f.npv()).isEqualByComparingTo("-122885.48");
    assertThat(f.irr()).isEmpty();
    assertThat(f.paybackMonths()).isEmpty();
    assertThat(f.roi())
        .hasValueSatisfying(roi -> assertThat(roi).isEqualByComparingTo("-113.6364"));
    assertThat(f.tco()).isEqualByComparingTo("125000");
  }

  /**
   * Pays something back, but not within the horizon, and at a negative IRR.
   *
   * <pre>
   * C0 = -100,000 x 1.20 = -120,000;  Ct = 30,000 for t = 1..3
   * cumulative after 3 years = -120,000 + 90,000 = -30,000 < 0   -> no payback
   * NPV at 8% = -120,000 + 30,000 x 2.5770970 = -42,687.09
   * IRR: with x = 1/(1+r), 30,000 (x + x^2 + x^3) = 120,000 -> x + x^2 + x^3 = 4
   *      x = 1.1509111 (1.1509111 + 1.3245963 + 1.5244926 = 4.0000000) -> r = 1/x - 1 = -13.1123%
   * ROI = (90,000 - 120,000) / 120,000 = -25%
   * </pre>
   */
  @Test
  void shouldFindANegativeIrrWhenTheCaseNeverPaysBackWithinTheHorizon() {
    CaseFinancials f =
        aCase().oneOff("infrastructure", 100_000).contingency(20).benefit(30_000).financials();

    assertThat(f.paybackMonths()).isEmpty();
    assertThat(f.npv()).isEqualByComparingTo("-42687.09");
    assertThat(f.irr()).hasValueSatisfying(irr -> assertThat(irr).isEqualByComparingTo("-13.1123"));
    assertThat(f.roi()).hasValueSatisfying(roi -> assertThat(roi).isEqualByComparingTo("-25"));
  }

  /**
   * Breaks even to the cent on the last day of year 2.
   *
   * <pre>
   * C0 = -100,000 x 1.20 = -120,000;  Ct = 60,000 for t = 1..2
   * month 23: -120,000 + 60,000 + 11 x 5,000 = -5,000 < 0
   * month 24: -120,000 + 60,000 + 12 x 5,000 =      0 >= 0   -> payback 24
   * -120,000 + 60,000 + 60,000 = 0, so the IRR is exactly 0% and the ROI 0%.
   * NPV at 8% = -120,000 + 60,000 / 1.08 + 60,000 / 1.1664 = -120,000 + 55,555.56 + 51,440.33
   *           = -13,004.12
   * </pre>
   */
  @Test
  void shouldPayBackExactlyAtAYearBoundary() {
    CaseFinancials f =
        aCase()
            .oneOff("infrastructure", 100_000)
            .contingency(20)
            .benefit(60_000)
            .horizon(2)
            .financials();

    assertThat(f.paybackMonths()).contains(24);
    assertThat(f.irr()).hasValueSatisfying(irr -> assertThat(irr).isEqualByComparingTo("0"));
    assertThat(f.roi()).hasValueSatisfying(roi -> assertThat(roi).isEqualByComparingTo("0"));
    assertThat(f.npv()).isEqualByComparingTo("-13004.12");
  }

  /**
   * Nothing invested up front (C0 = 0) and Ct = 50,000: the flows never change sign, so no IRR; ROI
   * divides by |C0| and is undefined; cumulative cash is 50,000/12 >= 0 in month 1. NPV = 50,000 x
   * 2.5770970 = 128,854.85.
   */
  @Test
  void shouldLeaveRoiAndIrrUndefinedWhenNothingIsInvestedUpFront() {
    CaseFinancials f = aCase().benefit(50_000).contingency(15).financials();

    assertThat(f.c0()).isEqualByComparingTo("0");
    assertThat(f.roi()).isEmpty();
    assertThat(f.irr()).isEmpty();
    assertThat(f.paybackMonths()).contains(1);
    assertThat(f.npv()).isEqualByComparingTo("128854.85");
    assertThat(f.tco()).isEqualByComparingTo("0");
  }

  /**
   * Cloud 150,000 against owned 310,000: 150,000 / 310,000 = 48.3871%; 250,000 / 310,000 =
   * 80.6452%.
   */
  @Test
  void shouldRelateCloudCostToOwnedTco() {
    assertThat(aCase().cloudVsOwned(150_000, 310_000).financials().cloudToOwnedPct())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("48.3871"));
    assertThat(aCase().cloudVsOwned(250_000, 310_000).financials().cloudToOwnedPct())
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("80.6452"));
    assertThat(aCase().cloudVsOwned(250_000, 0).financials().cloudToOwnedPct()).isEmpty();
  }

  /** A horizon beyond a century is evaluated over 100 years: the work stays bounded. */
  @Test
  void shouldCapAnAbsurdHorizon() {
    CaseFinancials f =
        aCase()
            .oneOff("infrastructure", 1_000)
            .benefit(100)
            .horizon(Integer.MAX_VALUE)
            .financials();

    assertThat(f.horizonYears()).isEqualTo(CashFlows.MAX_HORIZON_YEARS);
    assertThat(f.flows()).hasSize(101);
    // 12 x -1,000 + m x 100 >= 0 -> m = 120: ten years.
    assertThat(f.paybackMonths()).contains(120);
  }

  /** A zero horizon (only C0): nothing comes back, ROI is -100%, no payback, no IRR. */
  @Test
  void shouldCopeWithOnlyTheInitialOutlay() {
    CaseFinancials f = aCase().oneOff("infrastructure", 1_000).benefit(100).horizon(0).financials();

    assertThat(f.flows()).hasSize(1);
    assertThat(f.npv()).isEqualByComparingTo("-1000");
    assertThat(f.roi()).hasValueSatisfying(roi -> assertThat(roi).isEqualByComparingTo("-100"));
    assertThat(f.irr()).isEmpty();
    assertThat(f.paybackMonths()).isEmpty();
  }

  private static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }

  /** |declared - computed| / |computed| x 100. */
  private static BigDecimal relativeGap(BigDecimal declared, BigDecimal computed) {
    return declared
        .subtract(computed)
        .abs()
        .movePointRight(2)
        .divide(computed.abs(), java.math.MathContext.DECIMAL64);
  }
}
