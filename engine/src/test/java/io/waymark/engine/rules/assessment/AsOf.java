package io.waymark.engine.rules.assessment;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

/** Validates a folder as of a chosen date (Fixtures.validate pins the example's 2027-05-14). */
final class AsOf {

  private static final Validator VALIDATOR = new Validator(RuleRegistry.discover());

  private AsOf() {}

  static ValidationResult validate(Path root, String date) {
    try {
      return VALIDATOR.validate(
          new FolderSource(root, "x"),
          ValidationOptions.defaults().withAsOf(LocalDate.parse(date)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot validate " + root, e);
    }
  }
}
