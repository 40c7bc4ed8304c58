package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;

/**
 * A YAML path that is a symbolic link or not a regular file, or a folder or file that could not be
 * read; not read.
 */
public final class FileSkippedRule extends LoadStageRule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "file-skipped",
          Severity.WARNING,
          "syntax and schema",
          "A YAML path was not read because it is a symbolic link or not a regular file, or a"
              + " folder or file could not be read (permissions).",
          """
          Reading never follows a symbolic link and never leaves the repository: a link in a
          pull request could otherwise make the validator read files outside the checkout (a
          CI secret, another project). The file is reported and skipped, never read. A folder
          that cannot be listed in full (no permission) may hold roadmap files that were then
          not validated: it is named rather than passed over. A Git submodule whose name ends
          in .yaml, met in a revision's tree (`--rev`, `--base`), is named as a submodule and
          skipped: its files belong to another repository.""",
          """
          Replace the link with the file itself, or remove it. If the target lives in another
          repository, copy the document in. Make a folder or file that cannot be read readable
          for the user that runs Waymark, or leave it out with spec.exclude in waymark.yaml.
          Validate a submodule's documents in its own repository.""",
          """
          roadmap.yaml -> /etc/passwd   (a symbolic link)
          """,
          """
          roadmap.yaml                   (a regular file)
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
