package io.waymark.engine.rules.pullrequest;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.load.FolderSource;
import java.nio.file.Path;

/** A base and a head copy of the example roadmap, validated as a pull request. */
final class PullRequestFixtures {

  private PullRequestFixtures() {}

  /** Validates {@code head} with {@code rules} as a pull request against {@code base}. */
  static ValidationResult validate(Fixtures.Rules rules, Path head, Path base) {
    return rules.validate(
        head,
        ValidationOptions.defaults()
            .withAsOf(Fixtures.AS_OF)
            .withBase(new FolderSource(base, "base")));
  }
}
