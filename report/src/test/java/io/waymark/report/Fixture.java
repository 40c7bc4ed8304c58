package io.waymark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small edits of a copy of the example roadmap, for tests that need one fact changed. */
final class Fixture {

  private Fixture() {}

  /** One edit of a copy of the example. */
  @FunctionalInterface
  interface Edit {
    void apply(Path repo) throws IOException;
  }

  /** Replaces the one occurrence of {@code from} in {@code file} (fails when it is not there). */
  static void replace(Path repo, String file, String from, String to) throws IOException {
    Path p = repo.resolve(file);
    String text = Files.readString(p, StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalArgumentException(file + " has no '" + from + "'");
    }
    Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
  }

  /** Adds a suppression to {@code waymark.yaml} (the example's spec is its last block). */
  static void suppress(Path repo, String rule, String file, String owner, String expires)
      throws IOException {
    Path config = repo.resolve("waymark.yaml");
    String text = Files.readString(config, StandardCharsets.UTF_8);
    if (!text.contains("\n  suppressions:\n")) {
      text += "\n  suppressions:\n";
    }
    text +=
        "    - {rule: "
            + rule
            + ", file: "
            + file
            + ", reason: agreed at the Q1 review, owner: "
            + owner
            + ", expires: "
            + expires
            + "}\n";
    Files.writeString(config, text, StandardCharsets.UTF_8);
  }

  /**
   * Sets {@code rule}'s severity in {@code waymark.yaml} ({@code off}, {@code info}, …), with the
   * justification the configuration requires.
   */
  static void severity(Path repo, String rule, String severity) throws IOException {
    replace(
        repo,
        "waymark.yaml",
        "spec:\n",
        "spec:\n  rules:\n    "
            + rule
            + ": {severity: "
            + severity
            + ", justification: set by a test}\n");
  }

  /**
   * Waives the pending gate {@code gate} of the example roadmap on 30 April 2027 by {@code
   * decision}, until {@code expires}.
   */
  static void waiveGate(Path repo, String gate, String decision, String expires)
      throws IOException {
    replace(
        repo,
        "roadmap.yaml",
        "id: " + gate + "\n        status: pending\n",
        "id: "
            + gate
            + "\n        status: waived\n        decidedOn: 2027-04-30\n        waiver: {decision: "
            + decision
            + ", reason: accepted by the board, expires: "
            + expires
            + "}\n");
  }

  /** Changes the example's dashboard data point {@code {date, from}} to {@code {date, to}}. */
  static void reading(Path repo, String date, String from, String to) throws IOException {
    replace(
        repo,
        "metrics/executive-dashboard.yaml",
        "{date: " + date + ", value: " + from + "}",
        "{date: " + date + ", value: " + to + "}");
  }
}
