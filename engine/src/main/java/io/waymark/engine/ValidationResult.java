package io.waymark.engine;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.model.Plan;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of one validation: the findings that count, the ones that were suppressed (with why),
 * the fingerprints of findings known from a baseline, the as-of date used, the loaded plan, and
 * what Waymark computed about it ({@link #insights()}).
 */
public final class ValidationResult {

  /** A finding left out by an inline comment or a Config suppression. */
  public record Suppressed(Finding finding, String how, String reason) {}

  private final String root;
  private final LocalDate asOf;
  private final LoadResult load;
  private final Plan plan;
  private final List<Finding> findings;
  private final List<Suppressed> suppressed;
  private final Set<String> baselined;
  private Insights insights;
  private PlanHistory history;

  public ValidationResult(
      String root,
      LocalDate asOf,
      LoadResult load,
      Plan plan,
      List<Finding> findings,
      List<Suppressed> suppressed,
      Set<String> baselined) {
    this.root = root;
    this.asOf = asOf;
    this.load = load;
    this.plan = plan;
    this.findings = List.copyOf(findings);
    this.suppressed = List.copyOf(suppressed);
    this.baselined = Set.copyOf(baselined);
  }

  /**
   * The Git history the history rules read during this validation, so that the reports reuse it
   * instead of reading it again; empty when no rule asked for it.
   */
  public synchronized Optional<PlanHistory> history() {
    return Optional.ofNullable(history);
  }

  synchronized void keepHistory(PlanHistory read) {
    this.history = read;
  }

  public String root() {
    return root;
  }

  public LocalDate asOf() {
    return asOf;
  }

  public LoadResult load() {
    return load;
  }

  public Plan plan() {
    return plan;
  }

  /** The findings that count, sorted by file, line, column and rule. */
  public List<Finding> findings() {
    return findings;
  }

  public List<Suppressed> suppressed() {
    return suppressed;
  }

  public int documents() {
    return load.documents().size();
  }

  /** Documents left out of the plan rules because they failed their schema. */
  public long invalidDocuments() {
    return load.documents().stream().filter(d -> !d.valid()).count();
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** True when some finding is at least as severe as {@code threshold}. */
  public boolean failsAt(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }

  /** True when the finding was in the baseline (and so was downgraded to info). */
  public boolean isBaselined(Finding finding) {
    return baselined.contains(finding.fingerprint());
  }

  /** Gate status, vendor scores and business-case financials, computed on first use. */
  public synchronized Insights insights() {
    if (insights == null) {
      insights = Insights.of(plan, asOf);
    }
    return insights;
  }
}
