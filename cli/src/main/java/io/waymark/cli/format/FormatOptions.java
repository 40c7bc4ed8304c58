package io.waymark.cli.format;

import io.waymark.engine.finding.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * How to render a validation result.
 *
 * @param color ANSI colours (text only)
 * @param quiet no summary line (text and github)
 * @param displayRoot the repository folder as the user named it ({@code "."} for the current one):
 *     text, junit and github prefix file paths with it so that they point at the file from where
 *     the command ran
 * @param failAt the {@code --fail-on} threshold, empty for {@code never}: JUnit reports findings at
 *     or above it as failures, the rest as passing test cases
 * @param sourceRoot what SARIF, checkstyle and GitLab paths are relative to ({@code --paths})
 */
public record FormatOptions(
    boolean color,
    boolean quiet,
    String displayRoot,
    Optional<Severity> failAt,
    SourceRoot sourceRoot) {

  public FormatOptions {
    Objects.requireNonNull(displayRoot, "displayRoot");
    Objects.requireNonNull(failAt, "failAt");
    Objects.requireNonNull(sourceRoot, "sourceRoot");
  }

  /** Paths of SARIF, checkstyle and GitLab relative to the roadmap folder. */
  public FormatOptions(
      boolean color, boolean quiet, String displayRoot, Optional<Severity> failAt) {
    this(color, quiet, displayRoot, failAt, SourceRoot.ROADMAP);
  }

  /** No colour, with the summary, paths as given, failing at errors. */
  public static FormatOptions plain(String displayRoot) {
    return new FormatOptions(false, false, displayRoot, Optional.of(Severity.ERROR));
  }

  /**
   * The display root as a prefix for repository-relative paths: empty for {@code "."}, else the
   * folder with one trailing {@code /} (a leading {@code ./} is dropped).
   */
  String prefix() {
    String root = displayRoot;
    while (root.startsWith("./") && root.length() > 2) {
      root = root.substring(2);
    }
    if (root.isEmpty() || root.equals(".") || root.equals("./")) {
      return "";
    }
    return root.endsWith("/") ? root : root + "/";
  }

  /** A finding's file as seen from where the command ran. */
  String displayed(String file) {
    return prefix() + file;
  }

  /** True when a finding of this severity fails the build. */
  boolean fails(Severity severity) {
    return failAt.map(severity::atLeast).orElse(false);
  }
}
