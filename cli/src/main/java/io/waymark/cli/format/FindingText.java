package io.waymark.cli.format;

import io.waymark.engine.finding.Finding;

/** Wording shared by the machine formats. */
final class FindingText {

  private FindingText() {}

  /** The message, and on a second line the hint when there is one. */
  static String withHint(Finding f) {
    return f.hint().isEmpty() ? f.message() : f.message() + "\nhint: " + f.hint();
  }

  /** {@code file:line:column} with the file as given. */
  static String position(String file, Finding f) {
    return file + ":" + f.line() + ":" + f.column();
  }
}
