package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.report.view.Quarter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuarterTest {

  @Test
  void shouldParseAndPrintTheQuarter() {
    Quarter q = Quarter.parse("2027-Q2");
    assertThat(q.start()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(q.end()).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(q.id()).isEqualTo("2027-Q2");
    assertThat(q.label()).isEqualTo("Q2 2027");
    assertThat(q.previous()).isEqualTo(Quarter.parse("2027-Q1"));
    assertThat(Quarter.parse("2027-Q4").next()).isEqualTo(Quarter.parse("2028-Q1"));
    assertThat(Quarter.parse("2027-Q1").previous()).isEqualTo(Quarter.parse("2026-Q4"));
  }

  @Test
  void shouldFindTheQuarterOfADate() {
    assertThat(Quarter.containing(LocalDate.of(2027, 5, 14))).isEqualTo(Quarter.parse("2027-Q2"));
    assertThat(Quarter.containing(LocalDate.of(2027, 12, 31))).isEqualTo(Quarter.parse("2027-Q4"));
  }

  /**
   * The quarter of an early date (a Config asOf of 0500-02-01) was printed '500-Q1', which no
   * --quarter reads back: the year has four digits, as parse reads it.
   */
  @Test
  void shouldPrintTheYearWithFourDigits() {
    Quarter early = Quarter.containing(LocalDate.of(500, 2, 1));
    assertThat(early.id()).isEqualTo("0500-Q1");
    assertThat(early.label()).isEqualTo("Q1 0500");
    assertThat(Quarter.parse(early.id())).isEqualTo(early);
    assertThat(Quarter.parse("0000-Q4").id()).isEqualTo("0000-Q4");
  }

  @Test
  void shouldRefuseWhatIsNotAQuarter() {
    assertThatThrownBy(() -> Quarter.parse("2027-Q5")).hasMessageContaining("YYYY-Qn");
    assertThatThrownBy(() -> Quarter.parse("Q2 2027")).hasMessageContaining("YYYY-Qn");
  }
}
