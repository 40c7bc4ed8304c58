package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code gate-weaker-than-guide} (a guide rule of issue 9). */
class GateWeakerThanGuideTest extends GuideFixture {

  private static final String RULE = "gate-weaker-than-guide";
  private static final String DOWNTIME_TARGET =
      "metric: pilot-downtime-pct\n            operator: \"<\"\n            target: 5";

  @Test
  void shouldReportAPhaseOneGateWithAHigherDowntimeThreshold() {
    Fixtures.replaceOnce(
        file(ROADMAP), DOWNTIME_TARGET, DOWNTIME_TARGET.replace("target: 5", "target: 7.5"));
    Position target = Fixtures.positionOf(file(ROADMAP), "target: 7.5");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile(ROADMAP)
        .at(target.line(), target.column() + "target: ".length())
        .withMessageContaining(
            "criterion gc-p1-pilot-downtime of gate gate-assess-stabilise (< 7.5) is weaker than"
                + " the guide's phase-1 gate: pilot downtime < 5%")
        .hasCount(1);
  }

  @Test
  void shouldReportAMissingConditionAndNotGuessAtUnclassifiedMetrics() {
    // Without measures: pilot-downtime, Waymark cannot tell what the metric measures.
    Fixtures.replaceOnce(file(METRICS), "      measures: pilot-downtime\n", "");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(ROADMAP)
        .withMessageContaining(
            "gate gate-assess-stabilise of phase 1 (phase-assess-stabilise) has no criterion for"
                + " the guide's \"pilot downtime < 5%\" (measures: pilot-downtime)")
        .hasCount(1);
  }

  @Test
  void shouldReportFewerProductionUseCasesThanTheGuideInPhaseTwo() {
    Fixtures.replaceOnce(
        file(ROADMAP),
        "fact: useCases.production\n            operator: \">=\"\n            target: 3",
        "fact: useCases.production\n            operator: \">=\"\n            target: 2");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withMessageContaining(">= 3 use cases in production")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAnEquallyStrictCriterionWrittenAnotherWay() {
    // "> 2" use cases is ">= 3" for a count.
    Fixtures.replaceOnce(
        file(ROADMAP),
        "fact: useCases.production\n            operator: \">=\"\n            target: 3",
        "fact: useCases.production\n            operator: \">\"\n            target: 2");

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptAWeakerGateWithAnApprovedDeviationButNotWithAnUnapprovedOne() {
    Fixtures.replaceOnce(
        file(ROADMAP), DOWNTIME_TARGET, DOWNTIME_TARGET.replace("target: 5", "target: 8"));
    Fixtures.replaceOnce(
        file(ROADMAP),
        "        id: gate-assess-stabilise\n",
        "        id: gate-assess-stabilise\n"
            + "        deviation:\n"
            + "          reason: Depot pilots run on 4G links; 8 % is what the links allow\n"
            + "          decision: dec-waive-p1-retrieval-latency\n");
    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);

    Fixtures.replaceOnce(
        file(ROADMAP),
        "allow\n          decision: dec-waive-p1-retrieval-latency\n",
        "allow\n          decision: dec-gpu-purchase-rejected\n");
    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withHintContaining("no approved Governance decision")
        .hasCount(1);
  }
}
