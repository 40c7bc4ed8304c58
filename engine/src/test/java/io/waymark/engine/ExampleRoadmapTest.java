package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example repository is the demo and everyone's first fixture: it must stay clean. */
class ExampleRoadmapTest {

  @Test
  void shouldValidateTheExampleWithNoFindingAtAll() throws Exception {
    ValidationResult result =
        new Validator(RuleRegistry.discover())
            .validate(
                new FolderSource(Path.of("..", "example-roadmap"), "example-roadmap"),
                ValidationOptions.defaults());

    assertThat(result.findings()).isEmpty();
    assertThat(result.documents()).isGreaterThanOrEqualTo(20);
    assertThat(result.asOf()).hasToString("2027-05-14");
  }
}
