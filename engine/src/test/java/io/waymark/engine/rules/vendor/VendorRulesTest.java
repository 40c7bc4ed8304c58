package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.rules.RuleRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every vendor rule is registered and silent on the example roadmap; each rule's failing and
 * passing fixtures are in its own test class ({@link VendorFixture}).
 */
class VendorRulesTest extends VendorFixture {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "vendor-weights",
        "vendor-score-range",
        "vendor-decision-mismatch",
        "vendor-score-mismatch",
        "vendor-references",
        "vendor-red-flag"
      })
  void shouldBeRegisteredDocumentedAndSilentOnTheExampleRoadmap(String rule) {
    assertThat(RuleRegistry.discover().rule(rule)).as("rule %s is registered", rule).isPresent();
    assertThat(RuleRegistry.discover().rule(rule).orElseThrow().descriptor().group())
        .isEqualTo("vendors");

    assertThat(Fixtures.only(rule).validate(Fixtures.copyExample(repo))).doesNotContainRule(rule);
  }
}
