package io.waymark.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A business case's realised figures: whether its realised ROI is positive, and what it is. */
class RealisedTest {

  private static BusinessCase.Realised realised(long benefits, long costs) {
    return new BusinessCase.Realised(
        BigDecimal.valueOf(benefits),
        BigDecimal.valueOf(costs),
        LocalDate.of(2027, 4, 30),
        Anchor.ofFile("bc.yaml"));
  }

  @Test
  void shouldGiveTheRealisedRoiOnTheActualCosts() {
    assertThat(realised(150_000, 120_000).roiPct()).contains(new BigDecimal("25"));
    assertThat(realised(90_000, 120_000).roiPct()).contains(new BigDecimal("-25"));
    assertThat(realised(150_000, 120_000).positiveRoi()).isTrue();
    assertThat(realised(120_000, 120_000).positiveRoi()).isFalse();
  }

  @Test
  void shouldGiveNoRealisedRoiWhenNothingWasSpent() {
    assertThat(realised(10_000, 0).roiPct()).isEmpty();
  }
}
