package io.waymark.engine.rules;

import io.waymark.engine.Fixtures;
import io.waymark.engine.rules.RuleExamplesTest.Scenario;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * The rule-example fixtures ({@link RuleExamplesTest}) for tests outside this package: each is a
 * copy of the example roadmap with one rule's failing or passing example placed in it, judged as of
 * its scenario's date.
 */
public final class RuleFixtures {

  private RuleFixtures() {}

  /**
   * "RULE failing" and "RULE passing" for every rule whose example is plan YAML (no pull request).
   */
  public static Stream<String> names() {
    return RuleExamplesTest.executableRules()
        .filter(r -> !RuleExamplesTest.PULL_REQUEST.contains(r))
        .flatMap(r -> Stream.of(r + " failing", r + " passing"));
  }

  /** Builds the fixture {@code name} in {@code root}; returns its as-of date. */
  public static LocalDate place(String name, Path root) {
    String rule = name.substring(0, name.indexOf(' '));
    boolean failing = name.endsWith("failing");
    Scenario scenario = RuleExamplesTest.SCENARIOS.get(rule);
    RuleDescriptor descriptor = RuleRegistry.discover().descriptor(rule).orElseThrow();
    String example = failing ? descriptor.failingExample() : descriptor.passingExample();
    Fixtures.copyExample(root);
    (failing ? scenario.failingContext() : scenario.passingContext()).place(root, example);
    (failing ? scenario.failing() : scenario.passing()).place(root, example);
    return scenario.asOf();
  }
}
