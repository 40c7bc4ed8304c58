package io.waymark.engine.rules.guide;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide rules' tests (issue 9): every test copies the example roadmap (clean as of 2027-05-14),
 * changes one thing, and checks the finding (rule, severity, file, position, message) it causes.
 * One test class per rule or pair of rules, so that a mutation test (PIT) of a rule runs that
 * rule's tests and not every guide rule's.
 */
abstract class GuideFixture {

  static final String ROADMAP = "roadmap.yaml";
  static final String METRICS = "metrics/executive-dashboard.yaml";
  static final String GOVERNANCE = "governance.yaml";
  static final String APRIL = "assessment/2027-04-assessment.yaml";
  static final String VENDORS = "vendors/gpu-cloud-capacity.yaml";
  static final String INFERENCE_CASE = "business-cases/inference-economics.yaml";

  @TempDir Path repo;

  @BeforeEach
  void copyExample() {
    Fixtures.copyExample(repo);
  }

  Path file(String relative) {
    return repo.resolve(relative);
  }
}
