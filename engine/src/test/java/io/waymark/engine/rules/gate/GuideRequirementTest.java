package io.waymark.engine.rules.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.gate.Measure;
import io.waymark.engine.rules.gate.GateWeakerThanGuideRule.Bound;
import io.waymark.engine.rules.gate.GateWeakerThanGuideRule.Requirement;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a gate criterion is at least as strict as a guide requirement ({@code
 * gate-weaker-than-guide}), at the exact thresholds: the guide's "pilot downtime < 5%" is met by
 * {@code < 5} but not by {@code <= 5}, its "at least 3 use cases in production" by {@code >= 3} and
 * {@code > 2} but not by {@code > 1}.
 */
class GuideRequirementTest {

  private static final Requirement DOWNTIME_BELOW_5 =
      new Requirement(Measure.PILOT_DOWNTIME, Bound.BELOW, BigDecimal.valueOf(5), "downtime < 5%");
  private static final Requirement SLA_ABOVE_90 =
      new Requirement(Measure.PIPELINE_SLA, Bound.ABOVE, BigDecimal.valueOf(90), "SLA > 90%");
  private static final Requirement THREE_IN_PRODUCTION =
      new Requirement(
          Measure.PRODUCTION_USE_CASES,
          Bound.AT_LEAST_COUNT,
          BigDecimal.valueOf(3),
          "3 use cases in production");
  private static final Requirement COST_MEASURED =
      new Requirement(Measure.COST_PER_INFERENCE, Bound.PRESENT, BigDecimal.ZERO, "cost measured");
  private static final Requirement ROI_ABOVE_0 =
      new Requirement(Measure.ROI, Bound.ABOVE, BigDecimal.ZERO, "positive ROI");

  @ParameterizedTest(name = "downtime {0} {1}: {2}")
  @CsvSource({
    "<, 5, true",
    "<, 4.9, true",
    "<, 5.1, false",
    "<=, 5, false",
    "<=, 4.9, true",
    "==, 5, false",
    "==, 4.9, true",
    ">, 1, false",
    ">=, 1, false"
  })
  void shouldMeetABelowBoundOnlyWithAStrictEnoughCriterion(String op, String target, boolean met) {
    assertThat(DOWNTIME_BELOW_5.metBy(op, Optional.of(new BigDecimal(target)), false))
        .isEqualTo(met);
  }

  @ParameterizedTest(name = "SLA {0} {1}: {2}")
  @CsvSource({
    ">, 90, true",
    ">, 90.1, true",
    ">, 89.9, false",
    ">=, 90, false",
    ">=, 90.1, true",
    "==, 90, false",
    "==, 90.1, true",
    "<, 99, false",
    "<=, 99, false"
  })
  void shouldMeetAnAboveBoundOnlyWithAStrictEnoughCriterion(String op, String target, boolean met) {
    assertThat(SLA_ABOVE_90.metBy(op, Optional.of(new BigDecimal(target)), false)).isEqualTo(met);
  }

  @ParameterizedTest(name = "use cases {0} {1}: {2}")
  @CsvSource({
    ">=, 3, true",
    ">=, 4, true",
    ">=, 2, false",
    "==, 3, true",
    "==, 2, false",
    ">, 2, true",
    ">, 3, true",
    ">, 1, false",
    "<, 9, false"
  })
  void shouldMeetACountBoundWithAWholeCountAtOrAboveIt(String op, String target, boolean met) {
    assertThat(THREE_IN_PRODUCTION.metBy(op, Optional.of(new BigDecimal(target)), false))
        .isEqualTo(met);
  }

  @ParameterizedTest(name = "ROI {0} {1}, counting cases {2}: {3}")
  @CsvSource({
    // businessCases.approvedPositiveRoi counts cases: at least one, whatever the ROI threshold
    ">=, 1, true, true",
    ">=, 0.5, true, false",
    ">, 0, true, true",
    // an ROI criterion proper: above the threshold
    ">=, 0.5, false, true",
    ">=, 0, false, false"
  })
  void shouldCountCasesForTheApprovedPositiveRoiFact(
      String op, String target, boolean countFact, boolean met) {
    assertThat(ROI_ABOVE_0.metBy(op, Optional.of(new BigDecimal(target)), countFact))
        .isEqualTo(met);
  }

  @ParameterizedTest(name = "counting fact {0} {1} on downtime: {2}")
  @CsvSource({"<, 5, true", ">=, 1, false"})
  void shouldCountCasesOnlyForTheRoi(String op, String target, boolean met) {
    assertThat(DOWNTIME_BELOW_5.metBy(op, Optional.of(new BigDecimal(target)), true))
        .isEqualTo(met);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"<", ">", "=="})
  void shouldMeetAPresenceRequirementWithAnyCriterionEvenWithoutTarget(String op) {
    assertThat(COST_MEASURED.metBy(op, Optional.empty(), false)).isTrue();
    assertThat(DOWNTIME_BELOW_5.metBy(op, Optional.empty(), false)).isFalse();
  }
}
