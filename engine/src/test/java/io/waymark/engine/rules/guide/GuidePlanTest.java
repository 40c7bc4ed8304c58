package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * Failing and passing fixtures for {@code milestone-no-deliverable}, {@code priority-inverted} (a
 * guide rule of issue 9).
 */
class GuidePlanTest extends GuideFixture {

  @Test
  void shouldReportAMilestoneWithoutDeliverables() {
    Fixtures.replaceOnce(
        file(ROADMAP),
        "          deliverables:\n"
            + "            - API gateway with per-agent quotas and per-task cost guardrails\n"
            + "            - Kubernetes serving layer spanning on-premises and cloud GPUs\n",
        "");
    Position at = Fixtures.positionOf(file(ROADMAP), "id: ms-agent-orchestration-live");

    assertThat(Fixtures.only("milestone-no-deliverable").validate(repo))
        .containsRule("milestone-no-deliverable")
        .withSeverity(Severity.WARNING)
        .at(at.line(), at.column() + "id: ".length())
        .withMessageContaining(
            "milestone ms-agent-orchestration-live (due 2027-08-27) has no deliverables or"
                + " success criteria")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAMilestoneWithSuccessCriteriaInsteadOfDeliverables() {
    Fixtures.replaceOnce(
        file(ROADMAP),
        "          deliverables:\n"
            + "            - API gateway with per-agent quotas and per-task cost guardrails\n"
            + "            - Kubernetes serving layer spanning on-premises and cloud GPUs\n",
        "          successCriteria:\n            - Every agent tool call passes the gateway\n");

    assertThat(Fixtures.only("milestone-no-deliverable").validate(repo))
        .doesNotContainRule("milestone-no-deliverable");
  }

  @Test
  void shouldReportALowImpactHighEffortInitiativeInPhaseOne() {
    Fixtures.replaceOnce(
        file(ROADMAP), "impact: 4\n          effort: 1", "impact: 2\n          effort: 4");
    Position at = Fixtures.positionOf(file(ROADMAP), "impact: 2\n          effort: 4");

    assertThat(Fixtures.only("priority-inverted").validate(repo))
        .containsRule("priority-inverted")
        .withSeverity(Severity.WARNING)
        .at(at.line(), at.column() + "impact: ".length())
        .withMessageContaining(
            "initiative i-gpu-cost-visibility in the first phase has impact 2 and effort 4 while"
                + " i-inference-cost-optimisation (impact 4, effort 2) waits in"
                + " phase-scale-optimise")
        .hasCount(1);
  }

  @Test
  void shouldAcceptLowImpactWorkInPhaseOneWhenNothingBetterWaits() {
    // Impact 2, effort 3 is not high effort: nothing is inverted.
    Fixtures.replaceOnce(
        file(ROADMAP), "impact: 4\n          effort: 1", "impact: 2\n          effort: 3");

    assertThat(Fixtures.only("priority-inverted").validate(repo))
        .doesNotContainRule("priority-inverted");
  }
}
