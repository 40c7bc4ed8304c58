package io.waymark.engine.rules.gate;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCriteriaUnmetRuleTest {

  private static final String RULE = "gate-criteria-unmet";

  @TempDir Path dir;

  @Test
  void shouldReportACriterionNotMetOnTheDecisionDate() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    // On 2027-02-28 pilot downtime was 6.1 %; the 3.2 % of March came after the decision.
    Fixtures.replaceOnce(roadmap, "decidedOn: 2027-03-31", "decidedOn: 2027-02-28");
    Position criterion = Fixtures.positionOf(roadmap, "id: gc-p1-pilot-downtime");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("roadmap.yaml")
        .at(criterion.line(), criterion.column())
        .withMessageContaining("pilot-downtime-pct 6.1 is not < 5 on 2027-02-28")
        .withMessageContaining("passed on 2027-02-28")
        .hasCount(1);
  }

  @Test
  void shouldReportACriterionWithoutDataOnTheDecisionDate() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    // Cost per inference was first metered on 2027-02-28; without a baseline (which would count
    // as its first reading) there was nothing on the 27th.
    Fixtures.replaceOnce(roadmap, "decidedOn: 2027-03-31", "decidedOn: 2027-02-27");
    Fixtures.replaceOnce(
        dir.resolve("metrics/executive-dashboard.yaml"), "      baseline: 4.80\n", "");
    Position criterion = Fixtures.positionOf(roadmap, "id: gc-p1-cost-measured");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .at(criterion.line(), criterion.column())
        .withMessageContaining("cost-per-inference has no data point on or before 2027-02-27")
        .hasCount(1);
  }

  @Test
  void shouldReportAShortfallOnceItsWaiverIsRemoved() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    String text = Fixtures.read(roadmap);
    int from = text.indexOf("            waiver:\n              decision: dec-waive-p1");
    int to = text.indexOf("      milestones:", from);
    Fixtures.write(dir, "roadmap.yaml", text.substring(0, from) + text.substring(to));
    Position criterion = Fixtures.positionOf(roadmap, "id: gc-p1-retrieval-latency");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile("roadmap.yaml")
        .at(criterion.line(), criterion.column())
        .withMessageContaining("retrieval-latency-p95-ms 112 is not < 100 on 2027-03-31")
        .hasCount(1);
  }

  @Test
  void shouldAcceptThePassedGateOfTheExampleWithItsWaivedCriterion() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }

  @Test
  void shouldOnlyJudgeGatesMarkedPassed() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    // Gate 1 decided on 2027-02-28 (downtime 6.1) but recorded as failed, not passed.
    Fixtures.replaceOnce(roadmap, "decidedOn: 2027-03-31", "decidedOn: 2027-02-28");
    Fixtures.replaceOnce(roadmap, "status: passed", "status: failed");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }
}
