package io.waymark.engine.fix;

import io.waymark.engine.finding.Finding;
import java.util.List;
import java.util.Objects;

/**
 * A mechanical, safe correction of one finding: the edits that make the file say what Waymark
 * computed (a declared NPV set to the computed one, a vendor decision set to its band, ...).
 *
 * @param finding the finding it resolves
 * @param description what it changes, one line ("set npv to 273338 (was 300000)")
 * @param edits the edits of {@link #file()}, in text order, never overlapping
 */
public record Fix(Finding finding, String description, List<TextEdit> edits) {

  public Fix {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(description, "description");
    edits = List.copyOf(edits);
  }

  /** The rule of the finding it resolves. */
  public String rule() {
    return finding.rule();
  }

  /** The file it edits, relative to the repository folder (as in findings). */
  public String file() {
    return finding.file();
  }
}
