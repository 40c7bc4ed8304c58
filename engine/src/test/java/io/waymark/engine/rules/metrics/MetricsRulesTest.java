package io.waymark.engine.rules.metrics;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.rules.RuleRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every metrics rule is registered and silent on the example roadmap; each rule's failing and
 * passing fixtures are in its own test class ({@link MetricsFixture}).
 */
class MetricsRulesTest extends MetricsFixture {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dashboard-size", "metric-stale", "metric-target-unambitious"})
  void shouldBeRegisteredAndSilentOnTheExampleRoadmap(String rule) {
    assertThat(RuleRegistry.discover().rule(rule)).as("rule %s is registered", rule).isPresent();

    assertThat(Fixtures.only(rule).validate(Fixtures.copyExample(repo))).doesNotContainRule(rule);
  }
}
