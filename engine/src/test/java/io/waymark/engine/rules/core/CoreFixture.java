package io.waymark.engine.rules.core;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core rules' tests: each test copies the example roadmap (which validates clean), changes one
 * thing, and checks the one finding the change causes. One test class per rule, so that a mutation
 * test (PIT) of a rule runs that rule's tests and not every core rule's tests.
 */
abstract class CoreFixture {

  static final String APRIL = "assessment/2027-04-assessment.yaml";

  static final String ROADMAP = "roadmap.yaml";
  static final String GOVERNANCE = "governance.yaml";
  static final String FAQ_BOT = "use-cases/legacy-faq-chatbot.yaml";

  @TempDir Path repo;

  Path example() {
    return Fixtures.copyExample(repo);
  }
}
