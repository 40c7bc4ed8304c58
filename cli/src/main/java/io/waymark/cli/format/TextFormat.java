package io.waymark.cli.format;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.report.text.TerminalText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Human output: findings grouped by file, each with {@code file:line:column}, rule and hint. */
final class TextFormat {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BLUE = "\u001b[34m";
  private static final String GREEN = "\u001b[32m";

  private final boolean color;
  private final boolean quiet;
  private final String prefix;
  private final Optional<Severity> failAt;
  private final String folder;

  TextFormat(boolean color, boolean quiet, String displayRoot, Optional<Severity> failAt) {
    this.folder = displayRoot.endsWith("/") ? displayRoot : displayRoot + "/";
    this.color = color;
    this.quiet = quiet;
    this.failAt = failAt;
    this.prefix =
        displayRoot.equals(".") ? "" : displayRoot.endsWith("/") ? displayRoot : displayRoot + "/";
  }

  void write(ValidationResult result, PrintWriter out) {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      byFile.computeIfAbsent(f.file(), k -> new java.util.ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
      boolean isFolder = Location.FOLDER.equals(file.getKey());
      out.println(paint(BOLD, TerminalText.escape(isFolder ? folder : prefix + file.getKey())));
      for (Finding f : file.getValue()) {
        finding(result, f, out);
      }
      out.println();
    }
    if (!quiet) {
      long invalid = result.invalidDocuments();
      if (invalid > 0) {
        out.println(
            paint(
                DIM,
                "note: "
                    + plural(invalid, "document")
                    + " failed "
                    + (invalid == 1 ? "its" : "their")
                    + " schema and "
                    + (invalid == 1 ? "was" : "were")
                    + " left out of the plan rules: fix the schema errors first."));
      }
      long partly = result.partlyInvalidDocuments();
      if (partly > 0) {
        out.println(
            paint(
                DIM,
                "note: "
                    + plural(partly, "document")
                    + " failed "
                    + (partly == 1 ? "its" : "their")
                    + " schema only in list items: the plan rules judged "
                    + (partly == 1 ? "it" : "them")
                    + " without those items, so totals and computed figures (budgets, costs,"
                    + " scores, financials) may change once the items are fixed."));
      }
      if (!result.suppressed().isEmpty()) {
        out.println(
            paint(
                DIM,
                result.suppressed().size() + " suppressed (see --format json for the reasons)"));
      }
      String line = summaryLine(result, failAt);
      out.println(fails(result, failAt) ? paint(RED, line) : paint(GREEN, line));
    }
  }

  /** One finding: its place, severity, rule and message, then its hint. */
  private void finding(ValidationResult result, Finding f, PrintWriter out) {
    out.println(
        "  "
            + (Location.FOLDER.equals(f.file())
                ? TerminalText.escape(folder)
                : TerminalText.escape(prefix + f.file()) + ":" + f.line() + ":" + f.column())
            + "  "
            + severity(f.severity())
            + "  "
            + (result.isBaselined(f) ? paint(DIM, "(baseline) ") : "")
            + paint(DIM, "[" + TerminalText.escape(f.rule()) + "]")
            + " "
            + TerminalText.escape(f.message()));
    if (!f.hint().isEmpty()) {
      out.println("      " + paint(DIM, "hint: " + TerminalText.escape(f.hint())));
    }
  }

  /**
   * The findings that fail the run (at or above {@code failAt}), at most {@code cap} of them in the
   * order of the text format, then how many more there are and {@code where} they all are: what a
   * CI log shows of a failed {@code waymark ci}.
   */
  void writeFailing(ValidationResult result, int cap, String where, PrintWriter out) {
    if (failAt.isEmpty()) {
      return;
    }
    List<Finding> failing =
        result.findings().stream().filter(f -> f.severity().atLeast(failAt.get())).toList();
    failing.stream().limit(cap).forEach(f -> finding(result, f, out));
    if (failing.size() > cap) {
      out.println("  … and " + (failing.size() - cap) + " more in " + where);
    }
  }

  /**
   * The summary line; its mark agrees with the exit code: ✖ when a finding is at or above {@code
   * failAt} (the {@code --fail-on} threshold, empty for never), else ✔.
   */
  static String summaryLine(ValidationResult result, Optional<Severity> failAt) {
    long errors = result.count(Severity.ERROR);
    long warnings = result.count(Severity.WARNING);
    long infos = result.count(Severity.INFO);
    String mark = fails(result, failAt) ? "✖ " : "✔ ";
    return (errors + warnings + infos == 0
            ? "✔ no findings"
            : mark
                + plural(errors, "error")
                + ", "
                + plural(warnings, "warning")
                + ", "
                + plural(infos, "info"))
        + " in "
        + plural(result.documents(), "document")
        + " (as of "
        + result.asOf()
        + ")";
  }

  private static boolean fails(ValidationResult result, Optional<Severity> failAt) {
    return failAt.map(result::failsAt).orElse(false);
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private String severity(Severity s) {
    // Left-justified in seven columns, as String.format("%-7s") gives, without a Formatter per
    // finding (thousands of findings, on a short-lived JVM).
    String label = padded(s.id(), 7);
    return switch (s) {
      case ERROR -> paint(RED, label);
      case WARNING -> paint(YELLOW, label);
      case INFO -> paint(BLUE, label);
    };
  }

  /** {@code text} followed by spaces up to {@code width} characters (never cut). */
  static String padded(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
