package io.waymark.engine.rules.metrics;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics rules' tests: each test copies the example roadmap (which validates clean, as of
 * 2027-05-14), changes its metrics file, and checks the finding it causes. One test class per rule,
 * so that a mutation test (PIT) of a rule runs that rule's tests and not every metrics rule's
 * tests.
 */
abstract class MetricsFixture {

  static final String METRICS = "metrics/executive-dashboard.yaml";
  static final String LAST_TWO_DASHBOARD_IDS =
      "    - trained-staff-pct\n    - milestone-completion-pct\n";

  @TempDir Path repo;

  Path metrics() {
    return Fixtures.copyExample(repo).resolve(METRICS);
  }

  /** {@link #metrics()} with the one {@code from} in it replaced by {@code to}. */
  Path edit(String from, String to) {
    Path file = metrics();
    Fixtures.replaceOnce(file, from, to);
    return file;
  }
}
