package io.waymark.engine.finance;

import static io.waymark.engine.finance.Cases.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finance.CaseSensitivity.Driver;
import io.waymark.engine.finance.CaseSensitivity.Scenario;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Break-even margins and what-if NPVs. The pipeline case's figures were worked out with exact
 * fractions (Σ Ct/1.08^t as rationals) outside Waymark; the generated cases are checked against a
 * second computation in this class that discounts term by term at 50 digits.
 */
class CaseSensitivityTest {

  /**
   * The guide's pipeline case: PV(benefits) = 204,000 x 2.5770970 = 525,727.79, PV(costs) = 172,500
   * + 31,000 x 2.5770970 = 252,390.01, NPV 273,337.78. Benefits may fall 273,337.78 / 525,727.79 =
   * 51.9923 %, costs may rise 273,337.78 / 252,390.01 = 108.2998 %.
   */
  @Test
  void shouldGiveTheBreakEvenMarginsAndTheWhatIfsOfThePipelineCase() {
    CaseSensitivity s = CaseSensitivity.of(pipeline());

    assertThat(s.npv()).isEqualByComparingTo("273337.78");
    assertThat(s.benefitFallPct())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("51.9923"));
    assertThat(s.costRisePct())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("108.2998"));
    assertThat(s.fallsNegativeAtMinus10PctBenefits()).isFalse();
    assertThat(s.scenarios())
        .containsExactly(
            scenario(Driver.BENEFITS, -20, "168192.22", 16),
            scenario(Driver.BENEFITS, -10, "220765.00", 14),
            scenario(Driver.BENEFITS, 10, "325910.56", 11),
            scenario(Driver.BENEFITS, 20, "378483.34", 10),
            scenario(Driver.COSTS, -20, "323815.78", 10),
            scenario(Driver.COSTS, -10, "298576.78", 11),
            scenario(Driver.COSTS, 10, "248098.78", 14),
            scenario(Driver.COSTS, 20, "222859.78", 15));
  }

  /**
   * At 0 %, one year: C0 = -90, benefit 100. With benefits 10 % lower the NPV is exactly 0, which
   * is not negative: the case is not fragile, and its margin is exactly 10 %. One more unit of cost
   * and it is.
   */
  @Test
  void shouldDecideFragilityExactlyAtTheTenPercentBoundary() {
    CaseSensitivity atBoundary =
        CaseSensitivity.of(
            aCase().oneOff("compute", 90).benefit(100).discountRate("0").horizon(1).build());
    CaseSensitivity beyond =
        CaseSensitivity.of(
            aCase().oneOff("compute", 91).benefit(100).discountRate("0").horizon(1).build());

    assertThat(atBoundary.benefitFallPct())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10"));
    assertThat(atBoundary.fallsNegativeAtMinus10PctBenefits()).isFalse();
    assertThat(
            CaseSensitivity.fallsNegativeAtMinus10PctBenefits(
                aCase().oneOff("compute", 90).benefit(100).discountRate("0").horizon(1).build()))
        .isFalse();
    assertThat(
            CaseSensitivity.fallsNegativeAtMinus10PctBenefits(
                aCase().oneOff("compute", 91).benefit(100).discountRate("0").horizon(1).build()))
        .isTrue();
    assertThat(beyond.benefitFallPct())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("9"));
    assertThat(beyond.fallsNegativeAtMinus10PctBenefits()).isTrue();
  }

  /** A case already under water has negative margins and is not "turned" negative. */
  @Test
  void shouldGiveNegativeMarginsForANegativeNpv() {
    CaseSensitivity s =
        CaseSensitivity.of(
            aCase().oneOff("compute", 120).benefit(100).discountRate("0").horizon(1).build());

    assertThat(s.benefitFallPct())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-20"));
    assertThat(s.costRisePct())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("-16.6667"));
    assertThat(s.fallsNegativeAtMinus10PctBenefits()).isFalse();
  }

  /** No benefits, no benefit margin; no costs, no cost margin. */
  @Test
  void shouldLeaveAMarginOutWhenThereIsNothingToMove() {
    assertThat(CaseSensitivity.of(aCase().oneOff("compute", 10).build()).benefitFallPct())
        .isEmpty();
    assertThat(CaseSensitivity.of(aCase().benefit(10).build()).costRisePct()).isEmpty();
  }

  @Test
  void shouldAgreeWithTermByTermDiscountingOnGeneratedCases() {
    Random random = new Random(10L);
    String[] rates = {"0", "4", "8", "11.5"};
    for (int i = 0; i < 200; i++) {
      Cases c =
          aCase()
              .oneOff("infrastructure", 1_000L * random.nextInt(300))
              .costByYear("compute", 0, 1_000L * random.nextInt(40), 1_000L * random.nextInt(90))
              .benefitByYear(1_000L * (1 + random.nextInt(150)), 1_000L * random.nextInt(100))
              .contingency(random.nextInt(21))
              .discountRate(rates[random.nextInt(rates.length)])
              .horizon(1 + random.nextInt(5));
      if (random.nextBoolean()) {
        c.contingencyOnTotal();
      }
      CaseFinancials f = c.financials();
      CaseSensitivity s = CaseSensitivity.of(c.build());
      BigDecimal r = f.discountRatePct();

      BigDecimal npv = presentValue(f.flows(), r);
      BigDecimal pvBenefits = presentValue(f.benefits(), r);
      BigDecimal pvCosts = presentValue(f.costs(), r);
      assertThat(s.benefitFallPct().orElseThrow())
          .as("benefit margin of case %d", i)
          .isEqualByComparingTo(ratio(npv, pvBenefits));
      assertThat(s.costRisePct().orElseThrow())
          .as("cost margin of case %d", i)
          .isEqualByComparingTo(ratio(npv, pvCosts));
      for (Scenario x : s.scenarios()) {
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(x.changePct()).movePointLeft(2));
        List<BigDecimal> moved = new ArrayList<>();
        for (int t = 0; t < f.flows().size(); t++) {
          BigDecimal b = f.benefits().get(t);
          BigDecimal k = f.costs().get(t);
          moved.add(
              x.driver() == Driver.BENEFITS
                  ? b.multiply(factor).subtract(k)
                  : b.subtract(k.multiply(factor)));
        }
        assertThat(x.npv())
            .as("NPV of case %d, %s %d%%", i, x.driver(), x.changePct())
            .isEqualByComparingTo(presentValue(moved, r).setScale(2, RoundingMode.HALF_EVEN));
      }
      BigDecimal minus10 = npv.subtract(pvBenefits.movePointLeft(1));
      assertThat(s.fallsNegativeAtMinus10PctBenefits())
          .as("fragility of case %d", i)
          .isEqualTo(npv.signum() >= 0 && minus10.signum() < 0);
      // Decided alone (bc-fragile's question, without the scenarios): the same answer.
      assertThat(CaseSensitivity.fallsNegativeAtMinus10PctBenefits(c.build()))
          .as("fragility of case %d, decided alone", i)
          .isEqualTo(s.fallsNegativeAtMinus10PctBenefits());
    }
  }

  private static BigDecimal presentValue(List<BigDecimal> amounts, BigDecimal ratePct) {
    MathContext mc = new MathContext(50, RoundingMode.HALF_EVEN);
    BigDecimal g = BigDecimal.ONE.add(ratePct.movePointLeft(2));
    BigDecimal sum = BigDecimal.ZERO;
    for (int t = 0; t < amounts.size(); t++) {
      sum = sum.add(amounts.get(t).divide(g.pow(t), mc), mc);
    }
    return sum;
  }

  private static BigDecimal ratio(BigDecimal npv, BigDecimal part) {
    return npv.movePointRight(2)
        .divide(part, new MathContext(50, RoundingMode.HALF_EVEN))
        .setScale(4, RoundingMode.HALF_EVEN);
  }

  private static io.waymark.engine.model.BusinessCase pipeline() {
    return aCase()
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
        .build();
  }

  private static Scenario scenario(Driver driver, int pct, String npv, int payback) {
    return new Scenario(driver, pct, new BigDecimal(npv), Optional.of(payback));
  }
}
