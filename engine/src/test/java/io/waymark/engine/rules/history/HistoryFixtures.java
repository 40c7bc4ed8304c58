package io.waymark.engine.rules.history;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.history.History;
import java.nio.file.Path;

/** Validation of a copied example roadmap with a given history. */
final class HistoryFixtures {

  private HistoryFixtures() {}

  /** Validates a folder with {@code rules}, reading commits from {@code history}. */
  static ValidationResult validate(Fixtures.Rules rules, Path root, History history) {
    return rules.validate(
        root, ValidationOptions.defaults().withAsOf(Fixtures.AS_OF).withHistory(history));
  }

  /** {@code text} with each {@code [from, to]} pair replaced once (each must occur once). */
  static String edit(String text, String... pairs) {
    String out = text;
    for (int i = 0; i < pairs.length; i += 2) {
      int at = out.indexOf(pairs[i]);
      if (at < 0 || out.indexOf(pairs[i], at + 1) >= 0) {
        throw new IllegalStateException("expected exactly one '" + pairs[i] + "'");
      }
      out = out.substring(0, at) + pairs[i + 1] + out.substring(at + pairs[i].length());
    }
    return out;
  }
}
