package io.waymark.cli.format;

import io.waymark.engine.finding.Location;
import java.util.Objects;

/**
 * What the paths of SARIF, checkstyle and GitLab Code Quality are relative to ({@code --paths}):
 * the root of the Git work tree that holds the roadmap folder, so that code scanning, GitLab and
 * Warnings NG find the files of a roadmap in a subfolder without help, or the roadmap folder.
 *
 * @param prefix the roadmap folder relative to the source root, with {@code /} separators and one
 *     trailing {@code /}; empty when the source root is the roadmap folder
 * @param repository true when the source root is the Git work tree's root
 */
public record SourceRoot(String prefix, boolean repository) {

  /** Paths relative to the roadmap folder. */
  public static final SourceRoot ROADMAP = new SourceRoot("", false);

  public SourceRoot {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      throw new IllegalArgumentException("prefix must end with '/': " + prefix);
    }
  }

  /** A finding's file (relative to the roadmap folder) relative to the source root. */
  public String path(String file) {
    if (Location.FOLDER.equals(file)) {
      return prefix.isEmpty() ? Location.FOLDER : prefix.substring(0, prefix.length() - 1);
    }
    return prefix + file;
  }

  /** What the source root is, for SARIF's description of {@code %SRCROOT%}. */
  String describe(String roadmap) {
    if (!repository) {
      // Named only as the command line gave it relative: an absolute path is the machine's.
      boolean relative =
          !roadmap.isEmpty()
              && !roadmap.startsWith("/")
              && !roadmap.startsWith("\\")
              && !roadmap.matches("^[A-Za-z]:.*");
      return "The roadmap repository folder Waymark validated"
          + (relative ? " ('" + roadmap + "')" : "")
          + "; every artifact uri is relative to it.";
    }
    return "The root of the Git work tree that holds the roadmap folder"
        + (prefix.isEmpty() ? "" : " '" + path(Location.FOLDER) + "'")
        + "; every artifact uri is relative to it.";
  }
}
