package io.waymark.engine.rules.guide;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One of the guide's mistakes, planted in a copy of an example repository: a file and one or more
 * (from, to) edits, each of which must match exactly once, so a test notices when the example
 * changes under it. {@code rules} are the rule ids the mistake must raise: the first is the rule
 * meant for it, any others the findings that follow from it by construction.
 */
record PlantedMistake(String name, List<String> rules, String file, List<String> edits) {

  PlantedMistake {
    if (rules.isEmpty() || edits.isEmpty() || edits.size() % 2 != 0) {
      throw new IllegalArgumentException(name + ": a rule and (from, to) pairs of edits");
    }
  }

  /** Test arguments (name, mistake) for a mistake caught by {@code rule} alone. */
  static Arguments mistake(String name, String rule, String file, String... edits) {
    return Arguments.of(name, new PlantedMistake(name, List.of(rule), file, List.of(edits)));
  }

  /** Test arguments for a mistake that also raises {@code alsoRules} by construction. */
  static Arguments mistake(
      String name, String rule, List<String> alsoRules, String file, String... edits) {
    List<String> rules = new ArrayList<>(List.of(rule));
    rules.addAll(alsoRules);
    return Arguments.of(name, new PlantedMistake(name, List.copyOf(rules), file, List.of(edits)));
  }

  /** The rule meant for this mistake. */
  String rule() {
    return rules.get(0);
  }

  /** Applies the edits to {@code file} below {@code repo}. */
  void plantIn(Path repo) {
    Path target = repo.resolve(file);
    for (int k = 0; k < edits.size(); k += 2) {
      Fixtures.replaceOnce(target, edits.get(k), edits.get(k + 1));
    }
  }

  /** The distinct rule ids of some findings, sorted. */
  static Set<String> ruleIds(List<Finding> findings) {
    return findings.stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The rule ids this mistake must raise, sorted. */
  Set<String> expectedRuleIds() {
    return new TreeSet<>(rules);
  }

  @Override
  public String toString() {
    return name + " -> " + String.join(", ", rules) + " (" + file + ")";
  }
}
