package io.waymark.report.view;

import io.waymark.engine.Insights;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The findings in the reader's language (issue 15): one line per error or warning rule with how
 * many things it concerns and the money involved ("30 initiatives, EUR 4.8 M, have no approved
 * business case although above the review board's threshold"). Each finding is traced to the plan
 * element it points into (an initiative with its budget, a business case with its planned
 * investment, a milestone, a gate, a metric, a vendor …) by its file and JSON path.
 */
final class FindingLinesSection {

  /** What the rule says about its subjects: the verb phrase for one and for several. */
  private record Phrase(String noun, String nouns, String one, String many) {}

  private static final Map<String, Phrase> PHRASES = new HashMap<>();

  static {
    phrase(
        "pitfall-no-review",
        "initiative",
        "initiatives",
        "has no approved business case although above the review board's threshold",
        "have no approved business case although above the review board's threshold");
    phrase(
        "pitfall-no-metrics",
        "initiative",
        "initiatives",
        "has no business case, or a benefit that names no KPI",
        "have no business case, or a benefit that names no KPI");
    phrase(
        "milestone-overdue",
        "milestone",
        "milestones",
        "is past its due date and not done",
        "are past their due date and not done");
    phrase(
        "milestone-slipping",
        "milestone",
        "milestones",
        "was moved later two or more times",
        "were moved later two or more times");
    phrase(
        "milestone-no-deliverable",
        "milestone",
        "milestones",
        "has no deliverable or success criterion",
        "have no deliverable or success criterion");
    phrase(
        "milestone-outside-phase",
        "milestone",
        "milestones",
        "is due outside the months of its phase",
        "are due outside the months of their phase");
    phrase(
        "bc-financials-mismatch",
        "business case",
        "business cases",
        "declares an NPV, IRR, ROI or payback that Waymark's computation does not confirm",
        "declare an NPV, IRR, ROI or payback that Waymark's computation does not confirm");
    phrase(
        "bc-incomplete",
        "business case",
        "business cases",
        "has an empty section",
        "have an empty section");
    phrase(
        "bc-fragile",
        "business case",
        "business cases",
        "turns NPV-negative if its benefits fall by 10%",
        "turn NPV-negative if their benefits fall by 10%");
    phrase(
        "bc-negative-npv-approved",
        "business case",
        "business cases",
        "is approved with a negative NPV",
        "are approved with a negative NPV");
    phrase(
        "bc-hidden-costs",
        "business case",
        "business cases",
        "lists none of the hidden costs (support, data egress, services, training)",
        "list none of the hidden costs (support, data egress, services, training)");
    phrase(
        "initiative-overspent",
        "initiative",
        "initiatives",
        "has spent more than its budget without an approved decision",
        "have spent more than their budget without an approved decision");
    phrase(
        "budget-burn",
        "initiative",
        "initiatives",
        "spends more than 15 points ahead of what it delivers",
        "spend more than 15 points ahead of what they deliver");
    phrase(
        "actuals-stale",
        "initiative",
        "initiatives",
        "has no actual spend recorded in the last 45 days",
        "have no actual spend recorded in the last 45 days");
    phrase(
        "metric-stale",
        "metric",
        "metrics",
        "has no reading within its cadence",
        "have no reading within their cadence");
    phrase(
        "metric-no-baseline",
        "metric",
        "metrics",
        "is on the dashboard without a baseline",
        "are on the dashboard without a baseline");
    phrase(
        "gate-evidence-missing",
        "gate",
        "gates",
        "is marked passed without a decision date or evidence",
        "are marked passed without a decision date or evidence");
    phrase(
        "gate-criteria-unmet",
        "gate",
        "gates",
        "is marked passed although a criterion was not met",
        "are marked passed although a criterion was not met");
    phrase(
        "criterion-description-mismatch",
        "gate criterion",
        "gate criteria",
        "states a number in its description that differs from its target",
        "state a number in their description that differs from their target");
    phrase(
        "vendor-references",
        "vendor",
        "vendors",
        "has fewer than three customer references",
        "have fewer than three customer references");
    phrase(
        "vendor-red-flag",
        "vendor",
        "vendors",
        "has a go decision despite a red flag",
        "have a go decision despite a red flag");
    phrase(
        "vendor-decision-mismatch",
        "vendor",
        "vendors",
        "has a declared decision other than its score's band",
        "have a declared decision other than their score's band");
    phrase(
        "suppression-expired",
        "suppression",
        "suppressions",
        "has expired, so the findings it hid count again",
        "have expired, so the findings they hid count again");
    phrase(
        "ref-unresolved",
        "reference",
        "references",
        "names an id that no document declares",
        "name ids that no document declares");
  }

  private static void phrase(String rule, String noun, String nouns, String one, String many) {
    PHRASES.put(rule, new Phrase(noun, nouns, one, many));
  }

  /** A plan element a finding can point into. */
  private record Subject(
      String kind, String kinds, String file, String pointer, Optional<BigDecimal> money) {}

  private final Context c;
  private final Map<String, List<Subject>> byFile = new HashMap<>();

  private FindingLinesSection(Context c) {
    this.c = c;
    index();
  }

  static QuarterlyReview.FindingLines of(Context c) {
    return new FindingLinesSection(c).lines();
  }

  private QuarterlyReview.FindingLines lines() {
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    int infos = 0;
    for (Finding f : c.result().findings()) {
      if (f.severity() == Severity.INFO) {
        infos++;
        continue;
      }
      byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
    }
    List<Map.Entry<String, List<Finding>>> rules = new ArrayList<>(byRule.entrySet());
    rules.sort(
        Comparator.comparing((Map.Entry<String, List<Finding>> e) -> worst(e.getValue()))
            .thenComparing(e -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey));
    List<QuarterlyReview.RuleLine> out = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> e : rules) {
      Severity severity = worst(e.getValue());
      out.add(
          new QuarterlyReview.RuleLine(
              severity.id(),
              e.getKey(),
              severity == Severity.ERROR ? Rag.RED : Rag.AMBER,
              line(e.getKey(), e.getValue())));
    }
    return new QuarterlyReview.FindingLines(out, infos);
  }

  private static Severity worst(List<Finding> findings) {
    return findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow();
  }

  /** "30 initiatives, EUR 4.8 M, have no approved business case …". */
  private String line(String rule, List<Finding> findings) {
    Set<Subject> subjects = new LinkedHashSet<>();
    Set<String> kinds = new LinkedHashSet<>();
    for (Finding f : findings) {
      Optional<Subject> s = subject(f);
      kinds.add(s.map(Subject::kind).orElse(""));
      s.ifPresent(subjects::add);
    }
    Optional<Phrase> phrase = Optional.ofNullable(PHRASES.get(rule));
    boolean oneKind = kinds.size() == 1 && !kinds.contains("");
    long n = oneKind ? subjects.size() : findings.size();
    String noun;
    String nouns;
    if (oneKind) {
      Subject first = subjects.iterator().next();
      noun = first.kind();
      nouns = first.kinds();
    } else {
      noun = phrase.map(Phrase::noun).orElse("finding");
      nouns = phrase.map(Phrase::nouns).orElse("findings");
    }
    BigDecimal money = BigDecimal.ZERO;
    boolean anyMoney = false;
    if (oneKind) {
      for (Subject s : subjects) {
        if (s.money().isPresent()) {
          money = money.add(s.money().get());
          anyMoney = true;
        }
      }
    }
    String amount = anyMoney ? ", " + Wording.compactMoney(money, c.currency()) + "," : "";
    String counted = Wording.count(n, noun, nouns);
    if (phrase.isPresent() && (oneKind ? noun.equals(phrase.get().noun()) : true)) {
      return counted + amount + " " + (n == 1 ? phrase.get().one() : phrase.get().many()) + ".";
    }
    String summary = summary(rule);
    if (!oneKind) {
      // Nothing to count but the findings: the rule's own sentence, then how often.
      String sentence =
          summary.endsWith(".") ? summary.substring(0, summary.length() - 1) : summary;
      return sentence + " (" + counted + ").";
    }
    return counted
        + (anyMoney ? ", " + Wording.compactMoney(money, c.currency()) : "")
        + ": "
        + summary;
  }

  private String summary(String rule) {
    for (RuleDescriptor d : c.result().rules()) {
      if (d.id().equals(rule)) {
        return d.summary().strip();
      }
    }
    return "Findings of rule " + rule + ".";
  }

  /** The most specific indexed element whose JSON path contains the finding's. */
  private Optional<Subject> subject(Finding f) {
    Subject best = null;
    for (Subject s : byFile.getOrDefault(f.file(), List.of())) {
      boolean inside =
          s.pointer().isEmpty()
              || f.path().equals(s.pointer())
              || f.path().startsWith(s.pointer() + "/");
      if (inside && (best == null || s.pointer().length() > best.pointer().length())) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  private void index() {
    for (Roadmap r : c.plan().roadmaps()) {
      for (Phase p : r.phases()) {
        add("phase", "phases", p.at(), Optional.empty());
        add("gate", "gates", p.gate().at(), Optional.empty());
        for (Gate.Criterion k : p.gate().criteria()) {
          add("gate criterion", "gate criteria", k.at(), Optional.empty());
        }
        for (Milestone m : p.milestones()) {
          add("milestone", "milestones", m.at(), Optional.empty());
        }
        for (Initiative i : p.initiatives()) {
          add("initiative", "initiatives", i.at(), Optional.of(i.budget()));
        }
      }
    }
    for (Insights.CaseFigures f : c.result().insights().businessCases()) {
      add(
          "business case",
          "business cases",
          f.businessCase().at(),
          Optional.of(f.computed().c0().abs()));
    }
    for (VendorEvaluation e : c.plan().vendorEvaluations()) {
      add("vendor evaluation", "vendor evaluations", e.at(), Optional.empty());
      for (VendorEvaluation.Vendor v : e.vendors()) {
        add("vendor", "vendors", v.at(), Optional.empty());
      }
    }
    for (Metrics file : c.plan().metricsFiles()) {
      for (Metrics.Metric m : file.metrics()) {
        add("metric", "metrics", m.at(), Optional.empty());
      }
    }
    for (UseCase u : c.plan().useCases()) {
      add("use case", "use cases", u.at(), Optional.empty());
    }
    for (Config.Suppression s : c.plan().config().suppressions()) {
      add("suppression", "suppressions", s.at(), Optional.empty());
    }
  }

  private void add(String kind, String kinds, Anchor at, Optional<BigDecimal> money) {
    if (at.isDetached()) {
      return;
    }
    byFile
        .computeIfAbsent(at.file(), k -> new ArrayList<>())
        .add(new Subject(kind, kinds, at.file(), at.pointer(), money));
  }
}
