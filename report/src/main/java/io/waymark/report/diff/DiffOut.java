package io.waymark.report.diff;

import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.finding.Finding;
import java.time.LocalDate;
import java.util.List;

/**
 * Where {@link DiffFormat} writes a comparison: the same parts (a header, notes, sections of
 * changes, findings, the summary line) as terminal text or as Markdown. The parts are handed over
 * unescaped; each output escapes them its own way.
 */
abstract class DiffOut {

  protected final StringBuilder out = new StringBuilder();

  /** The two sides compared and the as-of date. */
  abstract void header(String base, String head, LocalDate asOf);

  /** A note from the repository's contents (a history limit, a file not compared). */
  abstract void note(String text);

  /** A note Waymark wrote itself about the base (how it was chosen). */
  abstract void trustedNote(String text);

  void unchanged() {
    out.append("\nThe plan is unchanged.\n");
  }

  /**
   * One kind of change, one line each; a line that starts with two spaces belongs to the line
   * before it (a gate's criterion). Nothing for none.
   */
  final void section(String title, List<String> lines) {
    if (!lines.isEmpty()) {
      writeSection(title, lines);
    }
  }

  /** New or fixed findings under {@code title}; nothing for none. */
  final void findings(String title, List<Finding> findings, String prefix) {
    if (!findings.isEmpty()) {
      writeFindings(title, findings, prefix);
    }
  }

  /** Findings the base had at the same place with another message; nothing for none. */
  final void changed(List<PlanDiff.ChangedFinding> changed, String prefix) {
    if (!changed.isEmpty()) {
      writeChanged(changed, prefix);
    }
  }

  abstract void writeSection(String title, List<String> lines);

  abstract void writeFindings(String title, List<Finding> findings, String prefix);

  abstract void writeChanged(List<PlanDiff.ChangedFinding> changed, String prefix);

  abstract void summary(String summary);

  @Override
  public final String toString() {
    return out.toString();
  }
}
