package io.waymark.engine.rules.pullrequest;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTransitionRuleTest {

  private static final String RULE = "gate-transition";
  private static final String PENDING = "id: gate-build-foundations\n        status: pending\n";

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
  void shouldReportAGatePassedWithAFutureDecisionAndNoEvidence() {
    Fixtures.replaceOnce(
        roadmap,
        PENDING,
        "id: gate-build-foundations\n        status: passed\n        decidedOn: 2027-09-30\n");
    Position status = Fixtures.positionOf(roadmap, "status: passed\n        decidedOn: 2027-09-30");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("roadmap.yaml")
        .at(status.line(), status.column() + "status: ".length())
        .withPath("/spec/phases/1/gate/status")
        .withMessageContaining(
            "gate gate-build-foundations of phase-build-foundations moves from pending to passed"
                + " in this change with decidedOn 2027-09-30 after the as-of date 2027-05-14 and"
                + " no evidence")
        .hasCount(1);
  }

  @Test
  void shouldReportAGateWaivedWithoutItsWaiver() {
    Fixtures.replaceOnce(
        roadmap,
        PENDING,
        "id: gate-build-foundations\n        status: waived\n        decidedOn: 2027-05-10\n");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .containsRule(RULE)
        .withMessageContaining("moves from pending to waived in this change with no waiver")
        .withHintContaining("waiver")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAGatePassedWithItsDecisionDateAndEvidence() {
    Fixtures.replaceOnce(
        roadmap,
        PENDING,
        "id: gate-build-foundations\n        status: passed\n        decidedOn: 2027-05-12\n"
            + "        evidence: [https://wiki.example/gates/phase-2-review]\n");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptADecisionDatedTheDayAfterTheAsOfDateOnly() {
    // The as-of date is the commit's in UTC; east of UTC, the team's morning is a day ahead.
    String passed =
        "id: gate-build-foundations\n        status: passed\n        decidedOn: %s\n"
            + "        evidence: [https://wiki.example/gates/phase-2-review]\n";
    Fixtures.replaceOnce(roadmap, PENDING, passed.formatted("2027-05-15"));

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);

    Fixtures.replaceOnce(roadmap, passed.formatted("2027-05-15"), passed.formatted("2027-05-16"));

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .containsRule(RULE)
        .withMessageContaining("with decidedOn 2027-05-16 after the as-of date 2027-05-14")
        .hasCount(1);
  }

  @Test
  void shouldBeTheOnlyRuleToJudgeTheDecisionDateOfAGateTheChangeOpens() {
    Fixtures.replaceOnce(
        roadmap,
        PENDING,
        "id: gate-build-foundations\n        status: passed\n        decidedOn: 2027-09-30\n");

    ValidationResult result =
        PullRequestFixtures.validate(Fixtures.only(RULE, "recorded-after-as-of"), head, base);
    // Two assertions: after containsRule, an assertion is about that rule's findings only.
    assertThat(result).doesNotContainRule("recorded-after-as-of");
    assertThat(result).containsRule(RULE);
    // Without a base, the same date is recorded-after-as-of's.
    assertThat(Fixtures.only(RULE, "recorded-after-as-of").validate(head))
        .containsRule("recorded-after-as-of")
        .withMessageContaining("gate 'gate-build-foundations' is passed with decidedOn 2027-09-30");
  }

  @Test
  void shouldLeaveGatesThatWereAlreadyPassedAtTheBase() {
    Fixtures.replaceOnce(roadmap, "        decidedOn: 2027-03-31\n", "");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldStaySilentWithoutABase() {
    Fixtures.replaceOnce(roadmap, PENDING, "id: gate-build-foundations\n        status: passed\n");

    assertThat(Fixtures.only(RULE).validate(head)).doesNotContainRule(RULE);
  }
}
