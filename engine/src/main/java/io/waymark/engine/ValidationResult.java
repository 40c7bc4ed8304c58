package io.waymark.engine;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.model.Plan;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one validation: the findings that count, the ones that were suppressed (with why),
 * the as-of date used, and the loaded plan for reports.
 */
public record ValidationResult(
    String root,
    LocalDate asOf,
    LoadResult load,
    Plan plan,
    List<Finding> findings,
    List<Suppressed> suppressed) {

  /** A finding left out by an inline comment, a Config suppression or a baseline. */
  public record Suppressed(Finding finding, String how, String reason) {}

  public ValidationResult {
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
  }

  public int documents() {
    return load.documents().size();
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** True when some finding is at least as severe as {@code threshold}. */
  public boolean failsAt(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
