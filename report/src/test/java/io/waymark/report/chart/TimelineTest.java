package io.waymark.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static String draw(LocalDate from, LocalDate to) {
    LocalDate today = from.plusMonths(1);
    return Timeline.draw(
        "plan", from, to, List.of(), today, today, today.plusMonths(2), "Q", List.of());
  }

  private static int monthLines(String svg) {
    return svg.split("<line", -1).length - 1;
  }

  @Test
  void shouldDrawOneLinePerMonthUpToTheCap() {
    LocalDate from = LocalDate.of(2027, 1, 1);

    String svg = draw(from, from.plusMonths(Timeline.MAX_TICKS - 1));

    // every month a faint line; some months a grid line on top of it; today's line
    assertThat(monthLines(svg))
        .isBetween(Timeline.MAX_TICKS, Timeline.MAX_TICKS + Timeline.MAX_TICKS / 3 + 2);
  }

  @Test
  void shouldThinOutTheMonthLinesOfAVeryLongSpan() {
    String svg = draw(LocalDate.of(2000, 1, 1), LocalDate.of(9999, 12, 31));

    assertThat(monthLines(svg))
        .isLessThanOrEqualTo(Timeline.MAX_TICKS + Timeline.MAX_TICKS / 3 + 2);
    assertThat(svg.length()).isLessThan(200_000);
  }
}
