package io.waymark.engine.rules.pullrequest;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplanUnexplainedRuleTest {

  private static final String RULE = "replan-unexplained";
  private static final String DUE = "          due: 2027-06-18\n";

  @TempDir Path dir;

  private Path base;
  private Path head;
  private Path roadmap;

  @BeforeEach
  void copies() {
    base = Fixtures.copyExample(dir.resolve("base"));
    head = Fixtures.copyExample(dir.resolve("head"));
    roadmap = head.resolve("roadmap.yaml");
  }

  @Test
  void shouldReportAMilestoneMovedLaterWithoutAReason() {
    Fixtures.replaceOnce(roadmap, DUE, "          due: 2027-07-16\n");
    Fixtures.Position at = Fixtures.positionOf(roadmap, "due: 2027-07-16");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .containsRule(RULE)
        .hasCount(1)
        .withSeverity(Severity.WARNING)
        .at(at.line(), at.column() + "due: ".length())
        .withMessageContaining(
            "milestone 'ms-priority-etl-wave-1' moved 28 days later (2027-06-18 → 2027-07-16)"
                + " without a reason in 'replanned'");
  }

  @Test
  void shouldAcceptAMoveWithANewReason() {
    Fixtures.replaceOnce(
        roadmap,
        DUE,
        """
                  due: 2027-07-16
                  replanned:
                    - on: 2027-05-12
                      reason: Customs dataset owner joined four weeks late
                      decision: dec-qbr-2027-q1
        """);

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);
  }

  /**
   * A phase extended with a recorded reason carries its milestones: the phase's new 'replanned'
   * entry explains them, as a failed gate's re-plan moves every milestone after it.
   */
  @Test
  void shouldAcceptAMilestoneMovedWithItsPhaseWhenThePhaseGivesTheReason() {
    Fixtures.replaceOnce(roadmap, DUE, "          due: 2027-07-16\n");
    Fixtures.replaceOnce(
        roadmap,
        "      months: [4, 9]\n",
        "      months: [4, 10]\n      replanned:\n        - {on: 2027-05-12, reason: Gate slipped"
            + " a month, decision: dec-qbr-2027-q1}\n");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldIgnoreAMilestoneMovedEarlier() {
    Fixtures.replaceOnce(roadmap, DUE, "          due: 2027-06-11\n");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldReportAPhaseWhoseMonthsMovedWithoutAReason() {
    Fixtures.replaceOnce(roadmap, "      months: [10, 18]\n", "      months: [10, 17]\n");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .containsRule(RULE)
        .withPath("/spec/phases/2/months")
        .withMessageContaining(
            "phase 'phase-scale-optimise' moved from months 10-18 to 10-17 without a reason in"
                + " 'replanned'");
  }

  @Test
  void shouldStaySilentWithoutABase() {
    Fixtures.replaceOnce(roadmap, DUE, "          due: 2027-07-16\n");

    assertThat(Fixtures.only(RULE).validate(head)).doesNotContainRule(RULE);
  }
}
