package io.waymark.engine.rules.history;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.history.History;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Validation of a copied example roadmap with a given history. */
final class HistoryFixtures {

  private static final Validator VALIDATOR = new Validator(RuleRegistry.discover());

  private HistoryFixtures() {}

  static ValidationResult validate(Path root, History history) {
    try {
      return VALIDATOR.validate(
          new FolderSource(root, "x"),
          ValidationOptions.defaults().withAsOf(Fixtures.AS_OF).withHistory(history));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
