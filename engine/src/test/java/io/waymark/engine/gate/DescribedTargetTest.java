package io.waymark.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Gate;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The numbers a criterion's description states, against its target. */
class DescribedTargetTest {

  @Test
  void shouldFindNoContradictionWithoutATarget() {
    assertThat(DescribedTarget.contradicted(criterion("Data-pipeline SLA above 99 %", null)))
        .isEmpty();
  }

  @Test
  void shouldAgreeWhenTheDescriptionStatesTheTarget() {
    assertThat(DescribedTarget.contradicted(criterion("Data-pipeline SLA above 99 %", "99")))
        .isEmpty();
  }

  @Test
  void shouldReturnTheStatedNumbersThatContradictTheTarget() {
    assertThat(DescribedTarget.contradicted(criterion("Data-pipeline SLA above 99 %", "93.7")))
        .containsExactly(new BigDecimal("99"));
  }

  /** A target of at most 1 may be a share: 0.95 is "95 %", and 1 is "100 %". */
  @Test
  void shouldReadATargetOfAtMostOneAsAShare() {
    assertThat(DescribedTarget.contradicted(criterion("95 % of runs succeed", "0.95"))).isEmpty();
    assertThat(DescribedTarget.contradicted(criterion("100 % of runs succeed", "1"))).isEmpty();
    assertThat(DescribedTarget.contradicted(criterion("200 runs succeed", "2")))
        .containsExactly(new BigDecimal("200"));
  }

  @Test
  void shouldReadDigitsThousandsDecimalCommasAndNumberWords() {
    assertThat(
            DescribedTarget.numbers(
                "1,000 requests at 93,7 % in three phases by 2027-06-30 (2027, p95, 70-20-10)"))
        .containsExactly(new BigDecimal("1000"), new BigDecimal("93.7"), new BigDecimal("3"));
  }

  @Test
  void shouldFindNoNumberInWordsAlone() {
    assertThat(DescribedTarget.numbers("cost is measured")).isEmpty();
  }

  private static Gate.Criterion criterion(String description, String target) {
    return new Gate.Criterion(
        "gc-test",
        description,
        Optional.of("m"),
        Optional.empty(),
        ">=",
        Optional.ofNullable(target).map(BigDecimal::new),
        Optional.empty(),
        Anchor.ofFile("roadmap.yaml"));
  }
}
