package io.waymark.engine.rules.assessment;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import java.nio.file.Path;
import java.time.LocalDate;

/** Validates a folder as of a chosen date (Fixtures.validate pins the example's 2027-05-14). */
final class AsOf {

  private AsOf() {}

  /** Validates a folder with {@code rules} as of {@code date}. */
  static ValidationResult validate(Fixtures.Rules rules, Path root, String date) {
    return rules.validate(root, LocalDate.parse(date));
  }
}
