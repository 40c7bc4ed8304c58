package io.waymark.engine.rules.roadmap;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MilestoneOutsidePhaseRuleTest {

  private static final String RULE = "milestone-outside-phase";

  @TempDir Path dir;

  @Test
  void shouldReportAMilestoneDueAfterItsPhaseOnItsDueDate() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-03-26", "due: 2027-04-09");
    Position at = Fixtures.positionOf(roadmap, "due: 2027-04-09");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(at.line(), at.column() + "due: ".length())
        .withPath("/spec/phases/0/milestones/3/due")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("'ms-retrieval-path-fixed' is due 2027-04-09, after its phase")
        .withMessageContaining("(months 1-3, 2027-01-04 to 2027-04-03)")
        .withHintContaining("move the milestone to phase 'phase-build-foundations'");
  }

  @Test
  void shouldReportAMilestoneDueBeforeItsPhase() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-11-12", "due: 2027-09-30");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .atLine(Fixtures.positionOf(roadmap, "due: 2027-09-30").line())
        .withMessageContaining("before its phase 'phase-scale-optimise'");
  }

  /** A phase-2 milestone due in month 2: the hint names phase 1, whose months hold the date. */
  @Test
  void shouldSuggestThePhaseWhoseMonthsHoldTheDueDate() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-04-23", "due: 2027-02-10");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining(
            "'ms-vector-db-pilot-tier' is due 2027-02-10, before its phase 'phase-build-foundations'")
        .withHintContaining(
            "Move the due date between 2027-04-04 and 2027-10-03, or move the milestone to phase"
                + " 'phase-assess-stabilise'.");
  }

  /**
   * Phase 1 shortened to its first month: a phase of one month is judged (its later milestones are
   * outside it) and is a home for a milestone due in that month.
   */
  @Test
  void shouldJudgeAndSuggestAOneMonthPhase() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "months: [1, 3]", "months: [1, 1]");
    Fixtures.replaceOnce(roadmap, "months: [4, 9]", "months: [2, 9]");
    Fixtures.replaceOnce(roadmap, "due: 2027-04-23", "due: 2027-01-20");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining("is due 2027-03-26, after its phase 'phase-assess-stabilise'")
        .hasCount(1);
    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining("'ms-vector-db-pilot-tier' is due 2027-01-20, before its phase")
        .withHintContaining("or move the milestone to phase 'phase-assess-stabilise'")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAMilestoneDueOnTheLastDayOfItsPhase() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-03-26", "due: 2027-04-03");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
