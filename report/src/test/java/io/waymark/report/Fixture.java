package io.waymark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small edits of a copy of the example roadmap, for tests that need one fact changed. */
final class Fixture {

  private Fixture() {}

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
}
