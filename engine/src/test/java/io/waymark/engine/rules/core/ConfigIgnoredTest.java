package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Config document that is not the configuration in force is named, not dropped without a word:
 * the waymark.yaml of another roadmap in a sub-folder (a portfolio validated from its top), and a
 * second Config in waymark.yaml.
 */
class ConfigIgnoredTest {

  private static final String RULE = "config-ignored";
  private static final String CONFIG =
      "apiVersion: waymark/v1\nkind: Config\nmetadata:\n  id: acme\nspec:\n  asOf: 2026-01-15\n";

  @TempDir Path repo;

  @Test
  void shouldNameTheConfigOfARoadmapInASubFolder() {
    Fixtures.copyExample(repo);
    Fixtures.write(repo, "programmes/acme/waymark.yaml", "# Acme\n" + CONFIG);

    ValidationResult result = Fixtures.only(RULE).validate(repo);

    assertThat(result)
        .containsRule(RULE)
        .inFile("programmes/acme/waymark.yaml")
        .at(3, 7)
        .withMessageContaining(
            "Config in programmes/acme/waymark.yaml is not applied: only waymark.yaml at the top"
                + " of the folder validated (or the file --config names) is")
        .withHintContaining("waymark validate programmes/acme")
        .hasCount(1);
    // The top folder's configuration is the one in force.
    org.assertj.core.api.Assertions.assertThat(result.asOf()).isEqualTo(LocalDate.of(2027, 5, 14));
  }

  @Test
  void shouldNameASecondConfigInTheConfigurationFile() {
    Fixtures.copyExample(repo);
    Path config = repo.resolve("waymark.yaml");
    Fixtures.write(repo, "waymark.yaml", Fixtures.read(config) + "---\n" + CONFIG);

    ValidationResult result = Fixtures.only(RULE).validate(repo);

    assertThat(result)
        .containsRule(RULE)
        .inFile("waymark.yaml")
        .withMessageContaining("a second Config document in waymark.yaml is not applied")
        .hasCount(1);
    org.assertj.core.api.Assertions.assertThat(result.asOf()).isEqualTo(LocalDate.of(2027, 5, 14));
  }

  /**
   * "validate . --config ci/strict.yaml" (a stricter Config kept in the repository for CI) said of
   * ci/strict.yaml itself "is not applied", though every setting of it was; and waymark.yaml's
   * finding told the team to move its settings "into the top waymark.yaml".
   */
  @Test
  void shouldTakeTheConfigGivenOnTheCommandLineForTheOneInForceWhereItLiesInTheFolder() {
    Fixtures.copyExample(repo);
    Fixtures.write(repo, "ci/strict.yaml", CONFIG);
    byte[] given = Fixtures.read(repo.resolve("ci/strict.yaml")).getBytes(UTF_8);

    ValidationResult result =
        Fixtures.only(RULE)
            .validate(repo, ValidationOptions.defaults().withConfig("ci/strict.yaml", given));

    assertThat(result).doesNotContainRuleInFile(RULE, "ci/strict.yaml");
    assertThat(result)
        .containsRule(RULE)
        .inFile("waymark.yaml")
        .withMessageContaining("--config ci/strict.yaml is applied instead")
        .hasCount(1);
    org.assertj.core.api.Assertions.assertThat(result.asOf()).isEqualTo(LocalDate.of(2026, 1, 15));
  }

  @Test
  void shouldFindNothingInTheExample() {
    Fixtures.copyExample(repo);

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }
}
