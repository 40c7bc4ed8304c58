package io.waymark.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the review writes amounts of money. */
class WordingTest {

  @Test
  void shouldWriteCentsOnlyBelowOneThousand() {
    assertThat(Wording.money(new BigDecimal("2.95"), "EUR")).isEqualTo("EUR 2.95");
    assertThat(Wording.money(new BigDecimal("950"), "EUR")).isEqualTo("EUR 950.00");
    assertThat(Wording.money(new BigDecimal("225000"), "EUR")).isEqualTo("EUR 225,000");
    assertThat(Wording.money(new BigDecimal("-1500.40"), "USD")).isEqualTo("−USD 1,500");
  }

  @Test
  void shouldWriteChartAmountsInTheUnitThatKeepsThemBelowAThousand() {
    assertThat(Wording.compactMoney(new BigDecimal("950"), "EUR")).isEqualTo("EUR 950");
    assertThat(Wording.compactMoney(new BigDecimal("180400"), "EUR")).isEqualTo("EUR 180 k");
    assertThat(Wording.compactMoney(new BigDecimal("1800000"), "EUR")).isEqualTo("EUR 1.8 M");
    assertThat(Wording.compactMoney(new BigDecimal("6000000000"), "USD")).isEqualTo("USD 6 bn");
    assertThat(Wording.compactMoney(new BigDecimal("-2430000000"), "USD")).isEqualTo("−USD 2.4 bn");
    // Rounded up to a thousand of one unit: the next one.
    assertThat(Wording.compactMoney(new BigDecimal("999.7"), "EUR")).isEqualTo("EUR 1 k");
    assertThat(Wording.compactMoney(new BigDecimal("999700"), "EUR")).isEqualTo("EUR 1 M");
    assertThat(Wording.compactMoney(new BigDecimal("999970000"), "EUR")).isEqualTo("EUR 1 bn");
  }

  @Test
  void shouldWriteNothingSpentAsTheWholeAmountsBesideIt() {
    assertThat(Wording.money(BigDecimal.ZERO, "EUR")).isEqualTo("EUR 0");
    assertThat(Wording.money(new BigDecimal("0.00"), "EUR")).isEqualTo("EUR 0");
  }

  @Test
  void shouldTurnTheFirstLetterEitherWay() {
    assertThat(Wording.capitalised("on track")).isEqualTo("On track");
    assertThat(Wording.uncapitalised("On track: 58%")).isEqualTo("on track: 58%");
    assertThat(Wording.uncapitalised("")).isEmpty();
  }
}
