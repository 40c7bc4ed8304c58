package io.waymark.engine.finance;

import static io.waymark.engine.finance.Cases.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Cash flows given year by year (a benefit ramp-up, staged capital, a later one-off cost) and cases
 * with nothing invested up front. Every expectation is worked out by hand in the comment above it.
 */
class YearByYearFinancialsTest {

  /**
   * A ramp-up with staged capital.
   *
   * <pre>
   * one-off 100,000 x 1.10 contingency   -> C0 = -110,000
   * compute: 50,000 in year 1, then annual 20,000
   * benefit: 30,000, 90,000, then annual 120,000
   * C1 = 30,000 - 50,000 = -20,000;  C2 = 90,000 - 20,000 = 70,000;  C3 = 120,000 - 20,000 = 100,000
   * NPV at 10% = -110,000 - 18,181.8182 + 57,851.2397 + 75,131.4801 = 4,800.90
   * ROI = (-20,000 + 70,000 + 100,000 - 110,000) / 110,000 = 36.3636%
   * TCO = 110,000 + 50,000 + 20,000 + 20,000 = 200,000
   * payback: x12: -1,320,000, year 1 adds -240,000 -> -1,560,000; year 2: 70,000 m >= 1,560,000
   *   needs m = 22.3 > 12 -> -720,000; year 3: 100,000 m >= 720,000 -> m = 8 -> month 32
   * </pre>
   */
  @Test
  void shouldFollowARampUpAndStagedCapital() {
    CaseFinancials f =
        aCase()
            .oneOff("infrastructure", 100_000)
            .costByYear("compute", 0, 20_000, 50_000)
            .benefitByYear(120_000, 30_000, 90_000)
            .contingency(10)
            .discountRate("10")
            .horizon(3)
            .financials();

    assertThat(f.flows())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd("-110000"), bd("-20000"), bd("70000"), bd("100000"));
    assertThat(f.benefits())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd("0"), bd("30000"), bd("90000"), bd("120000"));
    assertThat(f.npv()).isEqualByComparingTo("4800.90");
    assertThat(f.roi()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("36.3636"));
    assertThat(f.roiBasis()).contains(CaseFinancials.RoiBasis.INITIAL_OUTLAY);
    assertThat(f.tco()).isEqualByComparingTo("200000");
    assertThat(f.paybackMonths()).contains(32);
    assertThat(f.levelYearlyFlow()).isEmpty();
    assertThat(f.irr()).hasValueSatisfying(irr -> assertThat(irr).isGreaterThan(BigDecimal.TEN));
  }

  /**
   * Renting: nothing up front, 100,000 a year with 10% contingency on the total, 150,000 benefit.
   *
   * <pre>
   * C0 = 0;  Ct = 150,000 - 110,000 = 40,000
   * NPV at 8% = 40,000 x 2.5770970 = 103,083.88
   * ROI on total cost = (450,000 - 330,000) / 330,000 = 36.3636%;  TCO = 330,000
   * no IRR (no change of sign), payback in month 1
   * </pre>
   */
  @Test
  void shouldTakeRoiOnTheTotalCostWhenNothingIsInvestedUpFront() {
    CaseFinancials f =
        aCase()
            .annualCost("compute", 100_000)
            .benefit(150_000)
            .contingency(10)
            .contingencyOnTotal()
            .financials();

    assertThat(f.c0()).isEqualByComparingTo("0");
    assertThat(f.npv()).isEqualByComparingTo("103083.88");
    assertThat(f.roi()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("36.3636"));
    assertThat(f.roiBasis()).contains(CaseFinancials.RoiBasis.TOTAL_COST);
    assertThat(f.tco()).isEqualByComparingTo("330000");
    assertThat(f.irr()).isEmpty();
    assertThat(f.paybackMonths()).contains(1);
  }

  /**
   * Contingency on the total also marks up the one-off costs: 50,000 x 1.2 = 60,000 up front,
   * 10,000 x 1.2 = 12,000 a year against 40,000: Ct = 28,000 for 2 years. ROI = (56,000 - 60,000) /
   * 60,000 = -6.6667%; TCO = 60,000 + 24,000 = 84,000.
   */
  @Test
  void shouldMarkUpEveryCostWithContingencyOnTheTotal() {
    CaseFinancials f =
        aCase()
            .oneOff("infrastructure", 50_000)
            .annualCost("support", 10_000)
            .benefit(40_000)
            .contingency(20)
            .contingencyOnTotal()
            .horizon(2)
            .financials();

    assertThat(f.flows())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd("-60000"), bd("28000"), bd("28000"));
    assertThat(f.roi()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("-6.6667"));
    assertThat(f.tco()).isEqualByComparingTo("84000");
  }

  /**
   * A one-off cost in a later year (a hardware refresh in year 3): 0, 0, 30,000 on a line with no
   * annual amount; the flat benefit 20,000. C = 0, 20,000, 20,000, -10,000, 20,000. Year 0 without
   * cost and without benefit: ROI on the total cost (80,000 - 30,000) / 30,000 = 166.6667%.
   */
  @Test
  void shouldPlaceAOneOffCostInALaterYear() {
    CaseFinancials f =
        aCase()
            .costByYear("infrastructure", 0, 0, 0, 0, 30_000)
            .benefit(20_000)
            .horizon(4)
            .financials();

    assertThat(f.flows())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd("0"), bd("20000"), bd("20000"), bd("-10000"), bd("20000"));
    assertThat(f.roi()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("166.6667"));
    assertThat(f.tco()).isEqualByComparingTo("30000");
  }

  /** A case that costs nothing has no ROI at all. */
  @Test
  void shouldLeaveRoiUndefinedWhenTheCaseCostsNothing() {
    CaseFinancials f = aCase().benefit(10_000).financials();

    assertThat(f.roi()).isEmpty();
    assertThat(f.roiBasis()).isEmpty();
  }

  /** Listed years beyond the horizon are not used; the flat form is the byYear-free form. */
  @Test
  void shouldIgnoreYearsBeyondTheHorizonAndKeepTheFlatFormUnchanged() {
    CaseFinancials listed =
        aCase()
            .costByYear("compute", 0, 5_000, 5_000, 5_000, 99_999)
            .benefitByYear(9_000, 9_000)
            .horizon(2)
            .financials();
    CaseFinancials flat =
        aCase().annualCost("compute", 5_000).benefit(9_000).horizon(2).financials();

    assertThat(listed).isEqualTo(flat);
  }

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }
}
