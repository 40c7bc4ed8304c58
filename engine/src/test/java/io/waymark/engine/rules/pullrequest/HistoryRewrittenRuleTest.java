package io.waymark.engine.rules.pullrequest;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryRewrittenRuleTest {

  private static final String RULE = "history-rewritten";

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
  void shouldReportADoneMilestoneWhoseCompletionDateMoved() {
    Fixtures.replaceOnce(roadmap, "completedOn: 2027-03-26", "completedOn: 2027-03-19");
    Position at = Fixtures.positionOf(roadmap, "completedOn: 2027-03-19");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile("roadmap.yaml")
        .at(at.line(), at.column() + "completedOn: ".length())
        .withMessageContaining(
            "milestone 'ms-core-pipelines-automated' was done at the base with completedOn"
                + " 2027-03-26; this change makes it 2027-03-19")
        .hasCount(1);
  }

  @Test
  void shouldReportAPassedGateWhoseDecisionDateMoved() {
    Fixtures.replaceOnce(roadmap, "decidedOn: 2027-03-31", "decidedOn: 2027-03-28");
    Position at = Fixtures.positionOf(roadmap, "decidedOn: 2027-03-28");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .containsRule(RULE)
        .at(at.line(), at.column() + "decidedOn: ".length())
        .withPath("/spec/phases/0/gate/decidedOn")
        .withMessageContaining(
            "gate gate-assess-stabilise of phase-assess-stabilise was passed at the base with"
                + " decidedOn 2027-03-31; this change makes it 2027-03-28")
        .hasCount(1);
  }

  @Test
  void shouldAcceptARecordKeptAsItWasAndAReopenedMilestone() {
    Fixtures.replaceOnce(
        roadmap,
        "status: done\n          # One week late",
        "status: in-progress\n          # One week late");
    Fixtures.replaceOnce(roadmap, "          completedOn: 2027-03-26\n", "");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);
    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), base, base))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldStaySilentWithoutABase() {
    Fixtures.replaceOnce(roadmap, "completedOn: 2027-03-26", "completedOn: 2027-03-19");

    assertThat(Fixtures.only(RULE).validate(head)).doesNotContainRule(RULE);
  }
}
