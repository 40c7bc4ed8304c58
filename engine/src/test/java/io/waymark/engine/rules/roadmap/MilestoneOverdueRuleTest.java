package io.waymark.engine.rules.roadmap;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MilestoneOverdueRuleTest {

  private static final String RULE = "milestone-overdue";

  @TempDir Path dir;

  @Test
  void shouldReportAnOpenMilestonePastItsDueDateOnItsStatus() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap,
        "due: 2027-04-30\n          status: done\n          completedOn: 2027-04-30\n",
        "due: 2027-04-30\n          status: in-progress\n");
    Position at = Fixtures.positionOf(roadmap, "due: 2027-04-30\n          status: in-progress");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(at.line() + 1, at.column() + "status: ".length())
        .withPath("/spec/phases/1/milestones/1/status")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("'ms-readiness-reassessment' was due 2027-04-30")
        .withMessageContaining("still in-progress: 14 days overdue as of 2027-05-14");
  }

  @Test
  void shouldReportAnAtRiskMilestoneOnceItsDateHasPassed() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-06-25", "due: 2027-05-13");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("still at-risk: 1 day overdue");
  }

  @Test
  void shouldAcceptADroppedMilestonePastItsDueDate() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap,
        "due: 2027-04-30\n          status: done\n          completedOn: 2027-04-30\n",
        "due: 2027-04-30\n          status: dropped\n");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptAMilestoneDueOnTheAsOfDate() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-06-25", "due: 2027-05-14");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
