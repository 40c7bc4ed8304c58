package io.waymark.engine.rules.pullrequest;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
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
