package io.waymark.report.diff;

import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.finding.Finding;
import io.waymark.report.text.MarkdownText;
import java.time.LocalDate;
import java.util.List;

/**
 * The comparison as GitHub-flavoured Markdown, for a pull-request comment or a CI job's summary: a
 * heading, notes as a quote, each kind of change as a list, findings as tables. Every text from the
 * repository goes through {@link MarkdownText#escape}: none can form a link, an image, HTML or a
 * table cell of its own.
 */
final class MarkdownOut extends DiffOut {

  @Override
  void header(String base, String head, LocalDate asOf) {
    out.append("### Waymark: what this change does to the roadmap\n\n")
        .append(MarkdownText.escape(base))
        .append(" → ")
        .append(MarkdownText.escape(head))
        .append(" (as of ")
        .append(asOf)
        .append(")\n");
  }

  @Override
  void note(String text) {
    out.append("\n> **Note:** ").append(MarkdownText.escape(text)).append('\n');
  }

  @Override
  void trustedNote(String text) {
    note(text);
  }

  @Override
  void writeSection(String title, List<String> lines) {
    out.append("\n#### ").append(title).append("\n\n");
    for (String line : lines) {
      boolean nested = line.startsWith("  ");
      out.append(nested ? "  - " : "- ").append(MarkdownText.escape(line)).append('\n');
    }
  }

  @Override
  void writeFindings(String title, List<Finding> findings, String prefix) {
    out.append("\n#### ").append(title).append(" (").append(findings.size()).append(")\n\n");
    out.append("| Severity | Where | Rule | Finding |\n|---|---|---|---|\n");
    for (Finding f : findings) {
      row(f, prefix, f.message());
    }
  }

  @Override
  void writeChanged(List<PlanDiff.ChangedFinding> changed, String prefix) {
    out.append("\n#### Changed findings (").append(changed.size()).append(")\n\n");
    out.append("| Severity | Where | Rule | Finding |\n|---|---|---|---|\n");
    for (PlanDiff.ChangedFinding c : changed) {
      String was =
          (c.before().severity() != c.after().severity() ? c.before().severity().id() + ", " : "")
              + c.before().message();
      row(c.after(), prefix, c.after().message() + " (was: " + was + ")");
    }
  }

  @Override
  void summary(String summary) {
    out.append("\n**Summary:** ").append(MarkdownText.escape(summary)).append('\n');
  }

  private void row(Finding f, String prefix, String message) {
    out.append("| ")
        .append(f.severity().id())
        .append(" | ")
        .append(MarkdownText.escape(prefix + f.file() + ":" + f.line() + ":" + f.column()))
        .append(" | ")
        .append(MarkdownText.escape(f.rule()))
        .append(" | ")
        .append(MarkdownText.escape(message))
        .append(" |\n");
  }
}
