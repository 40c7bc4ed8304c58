package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.rules.RuleRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every core rule is registered and silent on the example roadmap; each rule's failing and passing
 * fixtures are in its own test class ({@link CoreFixture}).
 */
class CoreRulesTest extends CoreFixture {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "ref-unresolved",
        "duplicate-id",
        "roadmap-missing",
        "not-waymark",
        "unknown-kind",
        "yaml-syntax",
        "schema",
        "file-skipped",
        "suppression-expired"
      })
  void shouldBeRegisteredAndSilentOnTheExampleRoadmap(String rule) {
    assertThat(RuleRegistry.discover().rule(rule)).as("rule %s is registered", rule).isPresent();

    assertThat(Fixtures.only(rule).validate(example())).doesNotContainRule(rule);
  }
}
