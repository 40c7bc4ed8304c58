package io.waymark.cli.format;

/**
 * Output formats of {@code validate} (SPEC §5): text and JSON for people and scripts, and the
 * machine formats CI servers read (see {@code docs/ci-formats.md}).
 */
public enum Format {
  /** Findings grouped by file, for a terminal. */
  text,
  /** The JSON of SPEC §5. */
  json,
  /** JUnit XML: one test case per rule per file (Jenkins' JUnit plugin, GitLab test reports). */
  junit,
  /** SARIF 2.1.0 (Warnings NG, GitHub code scanning, IDE viewers). */
  sarif,
  /** Checkstyle XML (Warnings NG and most CI servers). */
  checkstyle,
  /** GitHub Actions workflow-command annotations. */
  github,
  /** GitLab Code Quality JSON. */
  gitlab
}
