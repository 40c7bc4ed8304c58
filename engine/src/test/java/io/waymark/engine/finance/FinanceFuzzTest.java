package io.waymark.engine.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target (issue 11): the finance functions never throw on flows a business case can hold, and
 * an IRR, when there is one, is a rate at which the NPV is zero (to the precision of the cash
 * flows).
 */
public class FinanceFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void irrIsConsistentWithNpv(FuzzedDataProvider data) {
    consistent(data);
  }

  /** The target itself (also reached through {@code io.waymark.engine.EngineFuzzTest}). */
  public static void consistent(FuzzedDataProvider data) {
    int years = data.consumeInt(0, 30);
    List<BigDecimal> flows = new ArrayList<>();
    for (int t = 0; t <= years; t++) {
      // Whole currency units and cents, up to a trillion: what the schema lets a case hold.
      flows.add(BigDecimal.valueOf(data.consumeLong(-1_000_000_000_000L, 1_000_000_000_000L), 2));
    }
    CashFlows cash = new CashFlows(flows);
    BigDecimal rate = BigDecimal.valueOf(data.consumeInt(-9_999, 100_000), 2); // -99.99% .. 1000%

    BigDecimal npv = NetPresentValue.of(cash, rate);
    Optional<BigDecimal> irr = InternalRateOfReturn.of(cash, rate);
    ReturnOnInvestment.of(cash);
    PaybackPeriod.months(cash);

    assertThat(npv.scale()).isEqualTo(2);
    if (cash.signChanges() == 0) {
      assertThat(irr).isEmpty();
      return;
    }
    if (irr.isEmpty()) {
      return; // several sign changes and a root that only touches zero: documented
    }
    BigDecimal r = irr.get();
    assertThat(r).isGreaterThan(BigDecimal.valueOf(-100));
    // The NPV at the IRR (rounded to 4 decimals) is small against the size of the flows, and
    // changes sign between the two neighbouring rates of that rounding, unless it is exactly zero.
    BigDecimal scale = flows.stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal step = new BigDecimal("0.0001");
    BigDecimal below = NetPresentValue.unrounded(cash, r.subtract(step));
    BigDecimal above = NetPresentValue.unrounded(cash, r.add(step));
    BigDecimal at = NetPresentValue.unrounded(cash, r);
    boolean crosses = below.signum() * above.signum() <= 0;
    boolean small =
        at.abs().compareTo(scale.multiply(new BigDecimal("1E-6"), MathContext.DECIMAL64)) <= 0;
    assertThat(crosses || small)
        .as("IRR %s%% of %s: NPV %s at it, %s and %s beside it", r, flows, at, below, above)
        .isTrue();
  }
}
