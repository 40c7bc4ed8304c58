package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.rules.RuleRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every guide rule of issue 9 is registered, has a failing example, and is silent on the example
 * roadmap. Each rule's failing and passing fixtures are in its own test class ({@link
 * GuideFixture}).
 */
class GuideRulesTest extends GuideFixture {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "gate-weaker-than-guide",
        "vendor-method-changed",
        "vendor-no-go-selected",
        "ownership-below-threshold",
        "greenfield-unjustified",
        "metric-no-leading",
        "metric-no-lagging",
        "metric-no-baseline",
        "use-case-unmeasured",
        "milestone-no-deliverable",
        "priority-inverted",
        "assessment-diagnostics-missing",
        "review-cadence",
        "review-board-toothless"
      })
  void shouldBeRegisteredAndSilentOnTheExampleRoadmap(String rule) {
    assertThat(RuleRegistry.discover().rule(rule)).as("rule %s is registered", rule).isPresent();
    assertThat(RuleRegistry.discover().rule(rule).orElseThrow().descriptor().failingExample())
        .isNotBlank();

    assertThat(Fixtures.only(rule).validate(repo)).doesNotContainRule(rule);
  }
}
