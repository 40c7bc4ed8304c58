package io.waymark.engine.rules.pullrequest;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A base and a head copy of the example roadmap, validated as a pull request. */
final class PullRequestFixtures {

  private static final Validator VALIDATOR = new Validator(RuleRegistry.discover());

  private PullRequestFixtures() {}

  static ValidationResult validate(Path head, Path base) {
    try {
      return VALIDATOR.validate(
          new FolderSource(head, "head"),
          ValidationOptions.defaults()
              .withAsOf(Fixtures.AS_OF)
              .withBase(new FolderSource(base, "base")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
