package io.waymark.engine.rules.vendor;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendor rules' tests: each test copies the example roadmap (which validates clean), changes
 * one thing in a vendor evaluation, and checks the finding it causes. One test class per rule, so
 * that a mutation test (PIT) of a rule runs that rule's tests and not every vendor rule's tests.
 */
abstract class VendorFixture {

  static final String PIPELINES = "vendors/data-pipeline-platform.yaml";
  static final String GPU_CLOUD = "vendors/gpu-cloud-capacity.yaml";

  @TempDir Path repo;

  Path pipelines() {
    return Fixtures.copyExample(repo).resolve(PIPELINES);
  }
}
