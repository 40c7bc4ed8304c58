package io.waymark.engine;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Domain assertions on findings, for rule and loader tests:
 *
 * <pre>{@code
 * assertThat(result).containsRule("ref-unresolved").inFile("roadmap.yaml").atLine(12).atColumn(25);
 * assertThat(result).doesNotContainRule("ref-unresolved");
 * }</pre>
 *
 * <p>Each step narrows the findings still in view; a step that leaves none fails and lists every
 * finding the chain started from, so a failing test shows what the engine did report.
 */
public final class FindingsAssert extends AbstractAssert<FindingsAssert, List<Finding>> {

  private final List<Finding> all;
  private final String selection;

  private FindingsAssert(List<Finding> actual, List<Finding> all, String selection) {
    super(actual, FindingsAssert.class);
    this.all = all;
    this.selection = selection;
  }

  public static FindingsAssert assertThat(List<Finding> findings) {
    return new FindingsAssert(List.copyOf(findings), List.copyOf(findings), "findings");
  }

  public static FindingsAssert assertThat(ValidationResult result) {
    return assertThat(result.findings());
  }

  /** Keeps the findings of one rule; fails when there is none. */
  public FindingsAssert containsRule(String rule) {
    return narrow("rule " + rule, f -> f.rule().equals(rule));
  }

  public FindingsAssert inFile(String file) {
    return narrow("file " + file, f -> f.file().equals(file));
  }

  public FindingsAssert atLine(int line) {
    return narrow("line " + line, f -> f.line() == line);
  }

  public FindingsAssert atColumn(int column) {
    return narrow("column " + column, f -> f.column() == column);
  }

  /** Keeps the findings at one 1-based line and column. */
  public FindingsAssert at(int line, int column) {
    return atLine(line).atColumn(column);
  }

  /** Keeps the findings at one JSON Pointer. */
  public FindingsAssert withPath(String pointer) {
    return narrow("path '" + pointer + "'", f -> f.path().equals(pointer));
  }

  public FindingsAssert withSeverity(Severity severity) {
    return narrow("severity " + severity.id(), f -> f.severity() == severity);
  }

  public FindingsAssert withMessageContaining(String text) {
    return narrow("message containing '" + text + "'", f -> f.message().contains(text));
  }

  public FindingsAssert withMessageNotContaining(String text) {
    return narrow("message without '" + text + "'", f -> !f.message().contains(text));
  }

  public FindingsAssert withHintContaining(String text) {
    return narrow("hint containing '" + text + "'", f -> f.hint().contains(text));
  }

  public FindingsAssert withHintNotContaining(String text) {
    return narrow("hint without '" + text + "'", f -> !f.hint().contains(text));
  }

  /** Fails unless exactly {@code count} findings are in view. */
  public FindingsAssert hasCount(int count) {
    isNotNull();
    if (actual.size() != count) {
      failWithMessage(
          "Expected %d finding(s) with %s but found %d.%nAll findings:%n%s",
          count, selection, actual.size(), describe(all));
    }
    return this;
  }

  /** Fails unless no finding is in view. */
  public FindingsAssert isEmpty() {
    return hasCount(0);
  }

  /** Fails when a finding of {@code rule} is in view. */
  public FindingsAssert doesNotContainRule(String rule) {
    isNotNull();
    List<Finding> hits = actual.stream().filter(f -> f.rule().equals(rule)).toList();
    if (!hits.isEmpty()) {
      failWithMessage("Expected no finding of rule %s but found:%n%s", rule, describe(hits));
    }
    return this;
  }

  /** Fails when a finding of {@code rule} is in view for {@code file}. */
  public FindingsAssert doesNotContainRuleInFile(String rule, String file) {
    isNotNull();
    List<Finding> hits =
        actual.stream().filter(f -> f.rule().equals(rule) && f.file().equals(file)).toList();
    if (!hits.isEmpty()) {
      failWithMessage(
          "Expected no finding of rule %s in %s but found:%n%s", rule, file, describe(hits));
    }
    return this;
  }

  /** Fails when any finding is at least as severe as {@code threshold}. */
  public FindingsAssert hasNothingAtLeast(Severity threshold) {
    isNotNull();
    List<Finding> hits = actual.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    if (!hits.isEmpty()) {
      failWithMessage(
          "Expected no finding of severity %s or worse but found:%n%s",
          threshold.id(), describe(hits));
    }
    return this;
  }

  /** The findings still in view, for assertions this class does not offer. */
  public List<Finding> findings() {
    return actual;
  }

  private FindingsAssert narrow(String what, Predicate<Finding> condition) {
    isNotNull();
    List<Finding> kept = actual.stream().filter(condition).toList();
    String chain = selection + ", " + what;
    if (kept.isEmpty()) {
      failWithMessage(
          "Expected a finding with %s but there was none.%nIn view before this step (%s):%n%s%n"
              + "All findings:%n%s",
          chain, selection, describe(actual), describe(all));
    }
    return new FindingsAssert(kept, all, chain);
  }

  private static String describe(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "  (none)";
    }
    return findings.stream()
        .map(
            f ->
                "  "
                    + f.severity().id()
                    + " "
                    + f.rule()
                    + " "
                    + f.location()
                    + " "
                    + f.path()
                    + " "
                    + f.message())
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
