package io.waymark.cli.lsp;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.report.text.BidiControls;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Findings as an editor shows them: code = the rule id, source {@code waymark}, the severity, and a
 * range from the finding's line and column (1-based) to the end of the node on that line (LSP
 * positions are 0-based).
 */
final class FindingDiagnostics {

  static final String SOURCE = "waymark";

  private FindingDiagnostics() {}

  /** The diagnostics of the findings in {@code file}, against the buffer's {@code text}. */
  static List<Diagnostic> of(List<Finding> findings, String file, String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Diagnostic> out = new ArrayList<>();
    for (Finding f : findings) {
      if (!f.file().equals(file)) {
        continue;
      }
      Diagnostic d = new Diagnostic(range(f, lines), message(f), severity(f.severity()), SOURCE);
      d.setCode(f.rule());
      out.add(d);
    }
    return out;
  }

  /**
   * The message, then the hint on a line of its own; a bidirectional-text control from a roadmap
   * text as U+FFFD (as in the reports and the machine formats people read), so that a quoted value
   * cannot reorder what the editor's problem list shows.
   */
  static String message(Finding f) {
    String text = f.hint().isBlank() ? f.message() : f.message() + "\n" + f.hint();
    return BidiControls.replaced(text);
  }

  /** From the finding's position to the end of its line's content (before a comment). */
  static Range range(Finding f, String[] lines) {
    int line = f.line() - 1;
    int start = f.column() - 1;
    if (line >= lines.length) {
      return new Range(new Position(line, start), new Position(line, start));
    }
    String text = lines[line];
    start = Math.min(start, text.length());
    int end = text.length();
    int comment = text.indexOf(" #", start);
    if (comment >= 0) {
      end = comment;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return new Range(new Position(line, start), new Position(line, end));
  }

  static DiagnosticSeverity severity(Severity severity) {
    return switch (severity) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }
}
