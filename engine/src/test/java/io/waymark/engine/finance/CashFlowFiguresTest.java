package io.waymark.engine.finance;

import static io.waymark.engine.finance.InternalRateOfReturnTest.flows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** NPV, ROI, payback and sign changes on hand-made flows that vary by year. */
class CashFlowFiguresTest {

  /** At 0%: -100 + 30 + 40 + 50 = 20. At 10%: -100 + 27.2727 + 33.0579 + 37.5657 = -2.10. */
  @Test
  void shouldDiscountEachYear() {
    CashFlows f = flows("-100", "30", "40", "50");

    assertThat(NetPresentValue.of(f, BigDecimal.ZERO)).isEqualByComparingTo("20.00");
    assertThat(NetPresentValue.of(f, BigDecimal.TEN)).isEqualByComparingTo("-2.10");
  }

  /** A discount rate of -100% has no present value. */
  @Test
  void shouldRefuseARateOfMinusOneHundredPercent() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NetPresentValue.of(flows("-100", "50"), BigDecimal.valueOf(-100)))
        .withMessageContaining("-100");
  }

  /**
   * -100, then 30, 90: month 12 leaves -70; in year 2 each month adds 7.5, so -70 + 7.5 m >= 0 at m
   * = 9.33 -> month 12 + 10 = 22.
   */
  @Test
  void shouldSpreadEachYearsFlowOverItsMonths() {
    assertThat(PaybackPeriod.months(flows("-100", "30", "90"))).contains(22);
  }

  /** Payback is the first month cumulative cash is non-negative, whatever happens after it. */
  @Test
  void shouldFindTheFirstMonthEvenAfterALaterDip() {
    // month 1: 0 + 12/12 = 1 >= 0 -> month 1, although year 2 goes negative.
    assertThat(PaybackPeriod.months(flows("0", "12", "-30", "12"))).contains(1);
    // -12, +12 -> 0 at month 12; then -30 and +12: the first month stays 12.
    assertThat(PaybackPeriod.months(flows("-12", "12", "-30", "12"))).contains(12);
  }

  /** ROI is undiscounted: (30 + 40 + 50 - 100) / 100 = 20%. */
  @Test
  void shouldComputeRoiOnTheInitialOutlay() {
    assertThat(ReturnOnInvestment.of(flows("-100", "30", "40", "50")))
        .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("20"));
    assertThat(ReturnOnInvestment.of(flows("0", "30"))).isEmpty();
  }

  /** Zeros do not count as a change of sign. */
  @Test
  void shouldCountSignChangesSkippingZeros() {
    assertThat(flows("-1", "0", "2", "0", "-3").signChanges()).isEqualTo(2);
    assertThat(flows("0", "0").signChanges()).isZero();
    assertThat(flows("-1", "0", "2").sumAfterInitial()).isEqualByComparingTo("2");
  }

  @Test
  void shouldRefuseFlowsWithoutC0() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CashFlows(java.util.List.of()))
        .withMessageContaining("C0");
  }
}
