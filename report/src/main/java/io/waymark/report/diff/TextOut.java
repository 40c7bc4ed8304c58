package io.waymark.report.diff;

import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.finding.Finding;
import io.waymark.report.text.TerminalText;
import java.time.LocalDate;
import java.util.List;

/** The comparison as terminal text: every repository text with its control characters escaped. */
final class TextOut extends DiffOut {

  @Override
  void header(String base, String head, LocalDate asOf) {
    out.append("waymark diff: ")
        .append(TerminalText.escape(base))
        .append(" → ")
        .append(TerminalText.escape(head))
        .append(" (as of ")
        .append(asOf)
        .append(")\n");
  }

  @Override
  void note(String text) {
    out.append("note: ").append(TerminalText.escape(text)).append('\n');
  }

  @Override
  void trustedNote(String text) {
    out.append("note: ").append(text).append('\n');
  }

  @Override
  void writeSection(String title, List<String> lines) {
    out.append('\n').append(title).append('\n');
    for (String line : lines) {
      out.append("  ").append(TerminalText.escape(line)).append('\n');
    }
  }

  @Override
  void writeFindings(String title, List<Finding> findings, String prefix) {
    out.append('\n').append(title).append(" (").append(findings.size()).append(")\n");
    for (Finding f : findings) {
      finding(f, prefix);
    }
  }

  @Override
  void writeChanged(List<PlanDiff.ChangedFinding> changed, String prefix) {
    out.append("\nChanged findings (").append(changed.size()).append(")\n");
    for (PlanDiff.ChangedFinding c : changed) {
      finding(c.after(), prefix);
      out.append("      was: ");
      if (c.before().severity() != c.after().severity()) {
        out.append(c.before().severity().id()).append(", ");
      }
      out.append(TerminalText.escape(c.before().message())).append('\n');
    }
  }

  @Override
  void summary(String summary) {
    out.append('\n').append(summary).append('\n');
  }

  private void finding(Finding f, String prefix) {
    out.append("  ")
        .append(TerminalText.escape(prefix + f.file()))
        .append(':')
        .append(f.line())
        .append(':')
        .append(f.column())
        .append("  ")
        .append(String.format("%-7s", f.severity().id()))
        .append("  [")
        .append(TerminalText.escape(f.rule()))
        .append("] ")
        .append(TerminalText.escape(f.message()))
        .append('\n');
  }
}
