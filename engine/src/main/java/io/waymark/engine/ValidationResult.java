package io.waymark.engine;

import io.waymark.engine.diff.JudgedPlan;
import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finance.CaseSensitivity;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.fix.FixPlan;
import io.waymark.engine.fix.Fixes;
import io.waymark.engine.history.History;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.vendor.VendorSensitivity;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The outcome of one validation: the findings that count, the ones that were suppressed (with why),
 * the baseline keys of findings known from a baseline, the as-of date used, the loaded plan, what
 * Waymark computed about it ({@link #insights()}), its Git history ({@link #planHistory()}, read
 * once) and the plan and history analyses ({@link #analyses()}).
 */
public final class ValidationResult implements JudgedPlan {

  /** A finding left out by an inline comment or a Config suppression. */
  public record Suppressed(Finding finding, String how, String reason) {}

  /**
   * Where the history the rules read ends early, and how to get the rest.
   *
   * @param reason why ("the clone is shallow", "a partial clone did not fetch …")
   * @param remedy what to do about it ("Fetch the full history …")
   */
  public record HistoryLimit(String reason, String remedy) {}

  private final String root;
  private final LocalDate asOf;
  private final LoadResult load;
  private final Plan plan;
  private final List<Finding> findings;
  private final List<Suppressed> suppressed;
  private final Set<String> baselined;
  private Insights insights;
  private PlanHistory history;
  private History source = History.notRequested();
  private PlanHistory readLater;
  private Analyses analyses;
  private final List<RuleDescriptor> rules;

  /** The ids of the judged documents, made when first asked ({@link #unjudgedFileOf}). */
  private IdIndex ids;

  /** {@link #partlyInvalid()}, made when first asked. */
  private Set<String> partlyInvalid;

  /** A result made by hand (tests, tools): judged by no rule catalogue. */
  public ValidationResult(
      String root,
      LocalDate asOf,
      LoadResult load,
      Plan plan,
      List<Finding> findings,
      List<Suppressed> suppressed,
      Set<String> baselined) {
    this(root, asOf, load, plan, findings, suppressed, baselined, List.of());
  }

  /**
   * @param rules the rules this result was judged with, in catalogue order
   */
  public ValidationResult(
      String root,
      LocalDate asOf,
      LoadResult load,
      Plan plan,
      List<Finding> findings,
      List<Suppressed> suppressed,
      Set<String> baselined,
      List<RuleDescriptor> rules) {
    this.root = root;
    this.asOf = asOf;
    this.load = load;
    this.plan = plan;
    this.findings = List.copyOf(findings);
    this.suppressed = List.copyOf(suppressed);
    this.baselined = Set.copyOf(baselined);
    this.rules = List.copyOf(rules);
  }

  /**
   * The Git history the history rules read during this validation, so that the reports reuse it
   * instead of reading it again; empty when no rule asked for it.
   */
  public synchronized Optional<PlanHistory> history() {
    return Optional.ofNullable(history);
  }

  /** The history read so far, by the rules or by {@link #planHistory()}; empty when none was. */
  synchronized Optional<PlanHistory> historyRead() {
    return Optional.ofNullable(history != null ? history : readLater);
  }

  synchronized void keepHistory(PlanHistory read) {
    this.history = read;
  }

  /** The history port this validation was judged with, read by {@link #planHistory()}. */
  synchronized void readFrom(History port) {
    this.source = port;
  }

  /**
   * The plan's Git history (the roadmap and metrics files at every commit that changed them): the
   * one the history rules read, or, when no rule asked for it, read now from the same repository,
   * once. Without Git it is empty and says why. Read it while the {@link Checkout} that gave this
   * result is open.
   */
  public synchronized PlanHistory planHistory() {
    if (history != null) {
      return history;
    }
    if (readLater == null) {
      readLater = PlanHistory.read(source, load.index(), load.config().limits());
    }
    return readLater;
  }

  /**
   * Where the history the rules read ends early (a shallow or partial clone, a missing object): the
   * first such place; empty when complete, unavailable or not read by any rule.
   */
  public Optional<HistoryLimit> historyLimit() {
    return history()
        .filter(PlanHistory::available)
        .flatMap(h -> h.gaps().stream().findFirst())
        .map(g -> new HistoryLimit(g.reason(), g.remedy()));
  }

  /** Slips, churn, adjustments since a date and history coverage, from {@link #planHistory()}. */
  public synchronized Analyses analyses() {
    if (analyses == null) {
      analyses = new Analyses(planHistory(), plan, asOf);
    }
    return analyses;
  }

  @Override
  public String root() {
    return root;
  }

  @Override
  public LocalDate asOf() {
    return asOf;
  }

  public LoadResult load() {
    return load;
  }

  /**
   * The plan judged. Refused for a run whose business cases were {@link BusinessCase#released
   * released} as each file was judged ({@link ValidationOptions.Models#FINDINGS}): what is left of
   * them would read as a plan without costs, benefits or texts.
   */
  @Override
  public Plan plan() {
    if (released) {
      throw new IllegalStateException(
          "the plan's business cases were released once judged: validate with Models.WHOLE to"
              + " read the plan");
    }
    return plan;
  }

  /** Whether the business cases were released once judged (see {@link #plan()}). */
  private boolean released;

  /** Whether the insights may be read of a result whose business cases were released. */
  private boolean insightsKept = true;

  /**
   * Marks the business cases as released once judged, with the sensitivity of each open case worked
   * out before (by identity), or none when {@code insights} is false: the insights are then
   * refused, not worked out from what was kept.
   */
  void released(Map<BusinessCase, CaseSensitivity> sensitivities, boolean insights) {
    released = true;
    insightsKept = insights;
    caseSensitivities = sensitivities;
  }

  private Map<BusinessCase, CaseSensitivity> caseSensitivities = Map.of();

  /** The findings that count, sorted by file, line, column and rule. */
  @Override
  public List<Finding> findings() {
    return findings;
  }

  /**
   * The files holding a document the plan lacks whole: one the YAML reader could not read, or one
   * that failed its schema (its model is missing, or lacks the items in error).
   */
  @Override
  public Map<String, Gap> unjudgedFiles() {
    Map<String, Gap> files = new TreeMap<>();
    load.unreadable().forEach(u -> files.put(u.file(), Gap.UNREADABLE));
    Set<String> partly = partlyInvalid();
    for (Document d : load.documents()) {
      if (!d.valid()) {
        Gap gap = partly.contains(d.file() + "\n" + d.kind()) ? Gap.PARTLY_INVALID : Gap.INVALID;
        files.merge(d.file(), gap, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    return files;
  }

  /**
   * The configuration file when the YAML reader could not read it: no rule ran, and nothing in a
   * report could be dated, priced or named right.
   */
  public Optional<String> configUnreadable() {
    return load.configUnreadable();
  }

  /**
   * The file that writes {@code id} (a metric, decision, vendor or constraint id of {@code space})
   * when the plan lacks it because that file could not be read or failed its schema: the item is
   * there, but not judged. Empty when the plan has it, or no file writes it.
   */
  public synchronized Optional<String> unjudgedFileOf(String space, String id) {
    if (ids == null) {
      ids = new IdIndex(load.documents(), load.unreadable(), load.notRead(), plan);
    }
    return ids.invalidItem(space, id);
  }

  /**
   * The files holding a document of {@code kind} that is not in the plan though the repository has
   * it: the YAML reader could not read the file, or the document failed its schema whole.
   */
  public Map<String, Gap> notInPlan(Kind kind) {
    Map<String, Gap> files = new TreeMap<>();
    load.unreadable().stream()
        .filter(u -> u.declares(kind))
        .forEach(u -> files.put(u.file(), Gap.UNREADABLE));
    Map<String, Gap> unjudged = unjudgedFiles();
    for (Document d : load.documents()) {
      if (d.kind() == kind && !d.valid() && unjudged.get(d.file()) == Gap.INVALID) {
        files.putIfAbsent(d.file(), Gap.INVALID);
      }
    }
    return files;
  }

  public List<Suppressed> suppressed() {
    return suppressed;
  }

  /** The Waymark YAML files read, relative to the repository folder, in the order read. */
  public List<String> files() {
    return load.files();
  }

  public int documents() {
    return load.documents().size();
  }

  /** Documents left out of the plan rules because they failed their schema. */
  public long invalidDocuments() {
    Set<String> partly = partlyInvalid();
    return load.documents().stream()
        .filter(d -> !d.valid() && !partly.contains(d.file() + "\n" + d.kind()))
        .count();
  }

  /**
   * Documents that failed their schema only in list items: the plan rules judged the rest of each,
   * without those items (a cost, an initiative), so what the rules add up from it may change once
   * the items are fixed.
   */
  public long partlyInvalidDocuments() {
    Set<String> partly = partlyInvalid();
    return load.documents().stream()
        .filter(d -> !d.valid() && partly.contains(d.file() + "\n" + d.kind()))
        .count();
  }

  /**
   * The invalid documents the plan holds in part ({@link LoadResult#partlyInvalid}), made once: the
   * review asks for the unjudged files from several sections.
   */
  private synchronized Set<String> partlyInvalid() {
    if (partlyInvalid == null) {
      partlyInvalid = load.partlyInvalid();
    }
    return partlyInvalid;
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
    // No key (a SHA-256) worked out for each finding when nothing is baselined.
    return !baselined.isEmpty() && baselined.contains(finding.baselineKey());
  }

  /**
   * The figures the rules worked out per business case and per vendor evaluation (by identity),
   * which {@link #insights} takes instead of working them out again (an IRR each: 34,000 at 100,000
   * documents).
   */
  void keepFinancials(
      Map<BusinessCase, CaseFinancials> known,
      Map<VendorEvaluation, VendorSensitivity> sensitivities) {
    financials = known;
    vendorSensitivities = sensitivities;
  }

  private Map<BusinessCase, CaseFinancials> financials = Map.of();

  private Map<VendorEvaluation, VendorSensitivity> vendorSensitivities = Map.of();

  /** Gate status, vendor scores and business-case financials, computed on first use. */
  public synchronized Insights insights() {
    if (insights == null) {
      if (!insightsKept) {
        throw new IllegalStateException(
            "the insights were not kept: validate with Models.INSIGHTS or Models.WHOLE");
      }
      Set<String> partly = new HashSet<>();
      unjudgedFiles()
          .forEach(
              (file, gap) -> {
                if (gap == JudgedPlan.Gap.PARTLY_INVALID) {
                  partly.add(file);
                }
              });
      Map<BusinessCase, CaseFinancials> known = financials;
      Map<VendorEvaluation, VendorSensitivity> sensitivities = vendorSensitivities;
      Map<BusinessCase, CaseSensitivity> cases = caseSensitivities;
      insights =
          Insights.of(
              plan,
              asOf,
              partly,
              bc -> {
                CaseFinancials f = known.get(bc);
                return f != null ? f : CaseFinancials.of(bc);
              },
              e -> {
                VendorSensitivity s = sensitivities.get(e);
                return s != null ? s : VendorSensitivity.of(e);
              },
              bc -> {
                CaseSensitivity s = cases.get(bc);
                return s != null ? s : CaseSensitivity.of(bc);
              });
      financials = Map.of(); // read once
      vendorSensitivities = Map.of();
      caseSensitivities = Map.of();
    }
    return insights;
  }

  /**
   * The rules this result was judged with (built-in and plugin rules, in catalogue order), so that
   * readers such as the reports can name a rule without discovering the registry again; empty for a
   * result made by hand.
   */
  public List<RuleDescriptor> rules() {
    return rules;
  }

  /**
   * The mechanical, safe fixes of this result's findings (see {@link Fixes}): text edits on the
   * files as they were validated, for {@code waymark fix} to apply and a language server to offer
   * as code actions.
   *
   * @param texts the text of a file (relative path, as in findings) as it was validated; empty for
   *     a file that cannot be read (its findings then have no fix)
   */
  public FixPlan fixes(Function<String, Optional<String>> texts) {
    return Fixes.plan(plan, findings, texts);
  }
}
