package io.waymark.engine.rules.roadmap;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MilestoneCadenceRuleTest {

  private static final String RULE = "milestone-cadence";

  @TempDir Path dir;

  /** Moves both milestones of months 7-9 (2027-07-04 to 2027-10-03) into months 4-6. */
  private Path emptyThirdIncrement() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-08-27", "due: 2027-06-30");
    Fixtures.replaceOnce(roadmap, "due: 2027-09-24", "due: 2027-07-02");
    return roadmap;
  }

  @Test
  void shouldReportAnIncrementWithoutMilestoneOnTheMilestonesOfThePhaseCoveringIt() {
    Path roadmap = emptyThirdIncrement();
    Position firstMilestone = Fixtures.positionOf(roadmap, "- id: ms-vector-db-pilot-tier");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(firstMilestone.line(), firstMilestone.column())
        .withPath("/spec/phases/1/milestones")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("90-day increment 3 (months 7-9, 2027-07-04 to 2027-10-03)")
        .withHintContaining("phase 'phase-build-foundations'");
  }

  /** Month 7, where increment 3 starts, is the first month of phase 2: its phase. */
  @Test
  void shouldNameThePhaseWhoseFirstMonthStartsTheIncrement() {
    Path roadmap = emptyThirdIncrement();
    Fixtures.replaceOnce(roadmap, "months: [1, 3]", "months: [1, 6]");
    Fixtures.replaceOnce(roadmap, "months: [4, 9]", "months: [7, 9]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withPath("/spec/phases/1/milestones")
        .withHintContaining("phase 'phase-build-foundations'");
  }

  /** Month 7, where increment 3 starts, is the last month of phase 1: its phase. */
  @Test
  void shouldNameThePhaseWhoseLastMonthStartsTheIncrement() {
    Path roadmap = emptyThirdIncrement();
    Fixtures.replaceOnce(roadmap, "months: [1, 3]", "months: [1, 7]");
    Fixtures.replaceOnce(roadmap, "months: [4, 9]", "months: [8, 9]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withPath("/spec/phases/0/milestones")
        .withHintContaining("phase 'phase-assess-stabilise'");
  }

  @Test
  void shouldNotCountADroppedMilestone() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-08-27", "due: 2027-06-30");
    Fixtures.replaceOnce(
        roadmap,
        "due: 2027-09-24\n          status: planned",
        "due: 2027-09-24\n          status: dropped");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("increment 3 (months 7-9");
  }

  @Test
  void shouldCountIncrementsToTheEndOfTheHorizon() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "horizonMonths: 18", "horizonMonths: 20");
    Fixtures.replaceOnce(roadmap, "months: [10, 18]", "months: [10, 20]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("increment 7 (months 19-21, 2028-07-04 to 2028-10-03)");
  }

  @Test
  void shouldAcceptAMilestoneDueOnTheLastDayOfAnIncrement() {
    Path roadmap = emptyThirdIncrement();
    Fixtures.replaceOnce(roadmap, "due: 2027-07-02", "due: 2027-10-03");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptAMilestoneDueOnTheFirstDayOfAnIncrement() {
    Path roadmap = emptyThirdIncrement();
    Fixtures.replaceOnce(roadmap, "due: 2027-07-02", "due: 2027-07-04");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldNotCountAMilestoneDueTheDayBeforeAnIncrement() {
    Path roadmap = emptyThirdIncrement();
    Fixtures.replaceOnce(roadmap, "due: 2027-07-02", "due: 2027-07-03");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("increment 3 (months 7-9, 2027-07-04 to 2027-10-03)");
  }

  @Test
  void shouldNotCountAMilestoneDueTheDayAfterAnIncrement() {
    Path roadmap = emptyThirdIncrement();
    Fixtures.replaceOnce(roadmap, "due: 2027-07-02", "due: 2027-10-04");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("increment 3 (months 7-9, 2027-07-04 to 2027-10-03)");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
