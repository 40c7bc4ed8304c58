package io.waymark.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UpdateWindowsTest {

  private final UpdateWindows windows = new UpdateWindows(LocalDate.of(2027, 1, 4));

  @Test
  void shouldOpenAOneMonthWindowAtTheStartAndEverySixMonths() {
    assertThat(windows.window(0).toString()).isEqualTo("2027-01-04 to 2027-02-03");
    assertThat(windows.window(1).toString()).isEqualTo("2027-07-04 to 2027-08-03");
    assertThat(windows.window(2).toString()).isEqualTo("2028-01-04 to 2028-02-03");
  }

  @Test
  void shouldIncludeTheFirstDayAndExcludeTheDayOneMonthLater() {
    assertThat(windows.contains(LocalDate.of(2027, 1, 4))).isTrue();
    assertThat(windows.contains(LocalDate.of(2027, 2, 3))).isTrue();
    assertThat(windows.contains(LocalDate.of(2027, 2, 4))).isFalse();
    assertThat(windows.contains(LocalDate.of(2027, 7, 3))).isFalse();
    assertThat(windows.contains(LocalDate.of(2027, 7, 4))).isTrue();
    assertThat(windows.contains(LocalDate.of(2027, 8, 4))).isFalse();
  }

  @Test
  void shouldTreatChangesBeforeTheStartAsDrafting() {
    assertThat(windows.contains(LocalDate.of(2026, 12, 1))).isTrue();
  }

  @Test
  void shouldClampToTheEndOfShorterMonths() {
    UpdateWindows endOfMonth = new UpdateWindows(LocalDate.of(2027, 8, 31));

    assertThat(endOfMonth.window(0).toString()).isEqualTo("2027-08-31 to 2027-09-29");
    assertThat(endOfMonth.window(1).toString()).isEqualTo("2028-02-29 to 2028-03-30");
    assertThat(endOfMonth.contains(LocalDate.of(2027, 9, 30))).isFalse();
  }

  @Test
  void shouldNameTheNextWindow() {
    assertThat(windows.next(LocalDate.of(2027, 5, 14)).toString())
        .isEqualTo("2027-07-04 to 2027-08-03");
    assertThat(windows.next(LocalDate.of(2027, 1, 20)).toString())
        .isEqualTo("2027-01-04 to 2027-02-03");
  }
}
