package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code not-waymark}. */
class NotWaymarkTest extends CoreFixture {

  @Test
  void shouldNoteAForeignYamlFileAsInfo() {
    // Not under .github: the example's waymark.yaml excludes its own CI examples there.
    Fixtures.write(example(), "deploy/values.yaml", "replicas: 2\nimage: app:1.4\n");

    assertThat(Fixtures.only("not-waymark").validate(repo))
        .containsRule("not-waymark")
        .inFile("deploy/values.yaml")
        .at(1, 1)
        .withSeverity(Severity.INFO)
        .hasCount(1);
  }

  @Test
  void shouldStaySilentForAnExcludedForeignFile() {
    Path config = example().resolve("waymark.yaml");
    Fixtures.write(repo, "deploy/values.yaml", "replicas: 2\nimage: app:1.4\n");
    String settings = Fixtures.read(config);
    assertThat(settings).contains("  exclude:\n");
    Fixtures.write(
        repo,
        "waymark.yaml",
        settings.replace("  exclude:\n", "  exclude:\n    - \"deploy/**\"\n"));

    assertThat(Fixtures.only("not-waymark").validate(repo)).doesNotContainRule("not-waymark");
  }
}
