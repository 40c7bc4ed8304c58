package io.waymark.cli.format;

import io.waymark.engine.finding.Finding;
import io.waymark.report.text.BidiControls;

/**
 * Wording shared by the machine formats, and what they do with the bidirectional-text controls of a
 * text people read.
 *
 * <p>JUnit, checkstyle, GitHub annotations, SARIF and GitLab Code Quality are shown to people
 * (Jenkins' test results and Warnings NG, GitHub's annotations and code scanning, GitLab's widget),
 * and a message quotes roadmap texts a pull request chose. A bidirectional-text control in one (the
 * overrides, embeddings and isolates U+202A to U+202E and U+2066 to U+2069) would reorder the rest
 * of what a reviewer reads ("Trojan Source", CVE-2021-42574), so every text these formats show is
 * passed through {@link #shown} and carries U+FFFD instead, as the reports do ({@link
 * BidiControls}). A path that a tool resolves to the file (SARIF's {@code artifactLocation.uri},
 * checkstyle's {@code <file name>}, GitHub's {@code file=}, GitLab's {@code location.path}) and
 * SARIF's JSON Pointer stay exact, so they still find the file and the node; the JSON format is
 * data for programs and keeps every text exact.
 */
final class FindingText {

  private FindingText() {}

  /** {@code text} to be shown to people: each bidirectional-text control replaced by U+FFFD. */
  static String shown(String text) {
    return BidiControls.replaced(text);
  }

  /** The message, and on a second line the hint when there is one, {@link #shown}. */
  static String withHint(Finding f) {
    return shown(f.hint().isEmpty() ? f.message() : f.message() + "\nhint: " + f.hint());
  }

  /** {@code file:line:column} with the file as given. */
  static String position(String file, Finding f) {
    return file + ":" + f.line() + ":" + f.column();
  }
}
