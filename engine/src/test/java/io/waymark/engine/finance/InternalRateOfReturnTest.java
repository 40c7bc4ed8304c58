package io.waymark.engine.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IRR on hand-made cash flows whose roots are known in closed form. */
class InternalRateOfReturnTest {

  /** -100 + 110/(1+r) = 0 -> r = 10%. */
  @Test
  void shouldFindTheRateOfASingleYearInvestment() {
    assertThat(irr("-100", "110"))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("10"));
  }

  /** -1,000 + 1,331/(1+r)^3 = 0 -> (1+r)^3 = 1.331 -> r = 10%. */
  @Test
  void shouldSkipYearsWithoutCash() {
    assertThat(irr("-1000", "0", "0", "1331"))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("10"));
  }

  /** 0 - 100/(1+r) + 150/(1+r)^2 = 0 -> 1+r = 1.5 -> r = 50% (a zero C0 is no root). */
  @Test
  void shouldIgnoreALeadingZeroFlow() {
    assertThat(irr("0", "-100", "150"))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("50"));
  }

  /** -100 + 50/(1+r) = 0 -> 1+r = 0.5 -> r = -50%: the search covers (-100%, 0). */
  @Test
  void shouldFindANegativeRate() {
    assertThat(irr("-100", "50"))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("-50"));
  }

  /** -100 + 10,000/(1+r) = 0 -> r = 9,900%: the search is not capped above. */
  @Test
  void shouldFindAVeryHighRate() {
    assertThat(irr("-100", "10000"))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("9900"));
  }

  /** Every flow has the same sign (or is zero): no rate makes the NPV zero. */
  @Test
  void shouldHaveNoIrrWhenTheFlowsDoNotChangeSign() {
    assertThat(irr("-100", "-50", "-20")).isEmpty();
    assertThat(irr("100", "50", "0", "20")).isEmpty();
    assertThat(irr("0", "0", "0")).isEmpty();
    assertThat(irr("-100")).isEmpty();
  }

  /**
   * Two sign changes, two roots: -100 + 230x - 132x^2 = 0 with x = 1/(1+r) gives x = (230 ± 10) /
   * 264, i.e. 1+r = 1.1 or 1.2: r = 10% or 20%. The root nearest the reference rate is returned.
   */
  @Test
  void shouldPickTheRootNearestTheReferenceRateWhenThereAreSeveral() {
    CashFlows flows = flows("-100", "230", "-132");

    assertThat(InternalRateOfReturn.of(flows, BigDecimal.valueOf(8)))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("10"));
    assertThat(InternalRateOfReturn.of(flows, BigDecimal.valueOf(19)))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("20"));
    assertThat(InternalRateOfReturn.of(flows))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("10"));
  }

  /** -1 + 3x - 3x^2 = 0 has discriminant 9 - 12 < 0: two sign changes but no IRR at all. */
  @Test
  void shouldHaveNoIrrWhenTheNpvNeverReachesZeroDespiteSignChanges() {
    assertThat(irr("-1", "3", "-3")).isEmpty();
  }

  /**
   * Three sign changes, three roots. With y = 1+r, NPV x y^3 = C0 y^3 + C1 y^2 + C2 y + C3; choose
   * it as (y - 1.1)(y - 1.25)(y - 2) = y^3 - 4.35 y^2 + 6.075 y - 2.75, i.e. C0 = 1, C1 = -4.35, C2
   * = 6.075, C3 = -2.75: the IRRs are 10%, 25% and 100%.
   */
  @Test
  void shouldIsolateEveryRootOfAPolynomialWithThreeSignChanges() {
    CashFlows flows = flows("1", "-4.35", "6.075", "-2.75");

    assertThat(InternalRateOfReturn.of(flows, BigDecimal.ZERO))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("10"));
    assertThat(InternalRateOfReturn.of(flows, BigDecimal.valueOf(30)))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("25"));
    assertThat(InternalRateOfReturn.of(flows, BigDecimal.valueOf(90)))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("100"));
  }

  private static Optional<BigDecimal> irr(String... values) {
    return InternalRateOfReturn.of(flows(values));
  }

  static CashFlows flows(String... values) {
    BigDecimal[] flows = new BigDecimal[values.length];
    for (int i = 0; i < values.length; i++) {
      flows[i] = new BigDecimal(values[i]);
    }
    return CashFlows.of(flows);
  }
}
