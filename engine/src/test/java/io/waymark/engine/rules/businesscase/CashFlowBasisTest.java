package io.waymark.engine.rules.businesscase;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finance.CaseFinancials;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the business-case findings name the cash flows a figure came from: level flows as "a year for
 * N years", up to ten varying years one by one, more than ten in a word.
 */
class CashFlowBasisTest {

  @Test
  void shouldNameOnlyTheInitialOutlayOfACaseWithoutYears() {
    assertThat(CashFlowBasis.describe(financials(-100), "EUR"))
        .isEqualTo("cash flows C0 -100.00 EUR, discount rate 8%");
  }

  @Test
  void shouldNameALevelFlowOnceWithItsYears() {
    assertThat(CashFlowBasis.describe(financials(-100, 50), "EUR"))
        .isEqualTo("cash flows C0 -100.00 EUR then 50.00 EUR a year for 1 year, discount rate 8%");
    assertThat(CashFlowBasis.describe(financials(-100, 50, 50, 50), "EUR"))
        .isEqualTo("cash flows C0 -100.00 EUR then 50.00 EUR a year for 3 years, discount rate 8%");
  }

  @Test
  void shouldListVaryingFlowsYearByYearUpToTenYears() {
    assertThat(CashFlowBasis.describe(financials(-100, 10, 20), "EUR"))
        .isEqualTo(
            "cash flows C0 -100.00 EUR then 10.00 EUR, 20.00 EUR in years 1-2, discount rate 8%");
    assertThat(CashFlowBasis.describe(financials(-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), "EUR"))
        .isEqualTo(
            "cash flows C0 -100.00 EUR then 1.00 EUR, 2.00 EUR, 3.00 EUR, 4.00 EUR, 5.00 EUR,"
                + " 6.00 EUR, 7.00 EUR, 8.00 EUR, 9.00 EUR, 10.00 EUR in years 1-10,"
                + " discount rate 8%");
  }

  @Test
  void shouldSummariseVaryingFlowsOverMoreThanTenYears() {
    assertThat(CashFlowBasis.describe(financials(-100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), "EUR"))
        .isEqualTo("cash flows C0 -100.00 EUR then yearly flows over 11 years, discount rate 8%");
  }

  /** C0 and the yearly flows after it, at 8 %; the other figures play no part in the wording. */
  private static CaseFinancials financials(long... flows) {
    List<BigDecimal> all = new ArrayList<>();
    for (long f : flows) {
      all.add(BigDecimal.valueOf(f));
    }
    return new CaseFinancials(
        BigDecimal.valueOf(8),
        flows.length - 1,
        all.get(0),
        all,
        List.of(),
        List.of(),
        BigDecimal.ZERO,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        BigDecimal.ZERO,
        Optional.empty(),
        Optional.empty());
  }
}
