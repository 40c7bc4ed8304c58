package io.waymark.engine.rules.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.load.FolderSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestIncompleteRuleTest {

  @TempDir Path tmp;

  private List<Finding> run(List<String> limitations) throws Exception {
    Path head = tmp.resolve("head");
    Path base = tmp.resolve("base");
    Fixtures.copyExample(head);
    Fixtures.copyExample(base);
    ValidationResult result =
        Fixtures.only("pull-request-incomplete")
            .validate(
                head,
                ValidationOptions.defaults()
                    .withAsOf(Fixtures.AS_OF)
                    .withBase(new FolderSource(base, "base"), limitations));
    return result.findings().stream()
        .filter(f -> f.rule().equals("pull-request-incomplete"))
        .toList();
  }

  @Test
  void shouldSayWhatTheBaseCannotShow() throws Exception {
    List<Finding> found = run(List.of("plan/vendors is a submodule: its files are not here"));

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.file()).isEqualTo("roadmap.yaml");
              assertThat(f.message())
                  .contains("plan/vendors is a submodule")
                  .contains("approved-case-edited");
            });
  }

  @Test
  void shouldStaySilentWhenTheBaseShowsEverything() throws Exception {
    assertThat(run(List.of())).isEmpty();
  }
}
