package io.waymark.engine.rules.gate;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.gate.GateEvidenceMissingRuleTest.valueOf;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateWaiverInvalidRuleTest {

  private static final String RULE = "gate-waiver-invalid";

  @TempDir Path dir;

  @Test
  void shouldReportACriterionWaiverNamingARejectedDecision() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap, "decision: dec-waive-p1-retrieval-latency", "decision: dec-gpu-purchase-rejected");
    Position decision = valueOf(roadmap, "decision: dec-gpu-purchase-rejected");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("roadmap.yaml")
        .at(decision.line(), decision.column())
        .withMessageContaining("criterion gc-p1-retrieval-latency of gate gate-assess-stabilise")
        .withMessageContaining("outcome is 'rejected'")
        .hasCount(1);
  }

  @Test
  void shouldReportAWaiverDecidedAfterTheGate() {
    Path dirRoot = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        dirRoot.resolve("governance.yaml"),
        "date: 2027-03-31\n      title: Retrieval p95",
        "date: 2027-04-02\n      title: Retrieval p95");
    Position decision =
        valueOf(dirRoot.resolve("roadmap.yaml"), "decision: dec-waive-p1-retrieval-latency");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile("roadmap.yaml")
        .at(decision.line(), decision.column())
        .withMessageContaining("of 2027-04-02, after the gate decision of 2027-03-31")
        .hasCount(1);
  }

  @Test
  void shouldReportAWaivedGateWithoutWaiver() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "status: passed", "status: waived");
    Position status = valueOf(roadmap, "status: waived");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .at(status.line(), status.column())
        .withMessageContaining("is waived but has no waiver")
        .hasCount(1);
  }

  @Test
  void shouldLeaveAnUnknownDecisionToDecisionUnknown() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap, "decision: dec-waive-p1-retrieval-latency", "decision: dec-no-such-decision");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptAWaiverOnAnApprovedDecisionTakenByTheGateDate() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
