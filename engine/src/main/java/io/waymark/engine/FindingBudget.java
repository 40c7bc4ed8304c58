package io.waymark.engine;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Config;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Caps the findings listed per rule and file and per file ({@code Config spec.limits.
 * findingsPerRule}, {@code findingsPerFile}), so that 200,000 copies of one mistake make a short
 * report, not a 1,000-page one. What is left out is counted in one {@code findings-capped} finding
 * per file and rule (or per file), as severe as the most severe finding it stands for: capping
 * never turns a failing run into a passing one.
 */
final class FindingBudget {

  static final String RULE = "findings-capped";

  private FindingBudget() {}

  /** {@code sorted} in the findings' natural order; returns the kept findings, sorted. */
  static List<Finding> apply(List<Finding> sorted, Config.FindingCaps caps) {
    Map<String, Map<String, List<Finding>>> byFileAndRule = new LinkedHashMap<>();
    for (Finding f : sorted) {
      byFileAndRule
          .computeIfAbsent(f.file(), k -> new LinkedHashMap<>())
          .computeIfAbsent(f.rule(), k -> new ArrayList<>())
          .add(f);
    }
    boolean capped = false;
    for (Map<String, List<Finding>> rules : byFileAndRule.values()) {
      int total = 0;
      for (List<Finding> list : rules.values()) {
        total += list.size();
        capped |= list.size() > caps.perRule();
      }
      capped |= total > caps.perFile();
    }
    if (!capped) {
      return sorted;
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Finding>>> file : byFileAndRule.entrySet()) {
      List<Finding> kept = new ArrayList<>();
      List<Finding> summaries = new ArrayList<>();
      for (Map.Entry<String, List<Finding>> rule : file.getValue().entrySet()) {
        List<Finding> list = rule.getValue();
        if (list.size() <= caps.perRule()) {
          kept.addAll(list);
          continue;
        }
        kept.addAll(list.subList(0, caps.perRule()));
        List<Finding> rest = list.subList(caps.perRule(), list.size());
        summaries.add(
            summary(
                rest,
                "and "
                    + count(rest.size())
                    + " more `"
                    + rule.getKey()
                    + "` findings in "
                    + file.getKey()
                    + " (at most "
                    + count(caps.perRule())
                    + " are listed per rule and file)",
                "Fix the findings listed first and run again, or raise Config"
                    + " spec.limits.findingsPerRule."));
      }
      kept.sort(null);
      if (kept.size() > caps.perFile()) {
        List<Finding> rest = new ArrayList<>(kept.subList(caps.perFile(), kept.size()));
        kept = new ArrayList<>(kept.subList(0, caps.perFile()));
        summaries.add(
            summary(
                rest,
                "and "
                    + count(rest.size())
                    + " more findings in "
                    + file.getKey()
                    + " (at most "
                    + count(caps.perFile())
                    + " are listed per file)",
                "Fix the findings listed first and run again, or raise Config"
                    + " spec.limits.findingsPerFile."));
      }
      out.addAll(kept);
      out.addAll(summaries);
    }
    out.sort(null);
    return out;
  }

  private static Finding summary(List<Finding> rest, String message, String hint) {
    Severity worst = Severity.INFO;
    Map<Severity, Integer> bySeverity = new HashMap<>();
    for (Finding f : rest) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
      if (f.severity().compareTo(worst) < 0) {
        worst = f.severity();
      }
    }
    Finding first = rest.get(0);
    Location at = first.location();
    return new Finding(RULE, worst, at, message + severities(bySeverity), hint);
  }

  private static String severities(Map<Severity, Integer> bySeverity) {
    List<String> parts = new ArrayList<>();
    for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.INFO}) {
      Integer n = bySeverity.get(s);
      if (n != null) {
        parts.add(count(n) + " " + s.name().toLowerCase(Locale.ROOT) + (n == 1 ? "" : "s"));
      }
    }
    return ": " + String.join(", ", parts);
  }

  private static String count(int n) {
    return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
  }
}
