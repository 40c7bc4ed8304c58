package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One typo that stops the YAML reader in a file is one finding, {@code yaml-syntax} on that file:
 * the ids the file's lines show resolve, and the kinds they show are there. Before, a broken {@code
 * roadmap.yaml} gave "no Roadmap document in the folder" and a dangling reference at every roadmap
 * id governance names (21 errors for one typo in the example), and a broken business case "does not
 * exist".
 */
class UnreadableFileFindingsTest {

  private static final String UNCLOSED = "title: [unclosed ";

  @TempDir Path repo;

  private ValidationResult withTitleBroken(String file, String title) {
    Fixtures.replaceOnce(
        Fixtures.copyExample(repo).resolve(file), "title: " + title, UNCLOSED + title);
    return Fixtures.validate(repo);
  }

  private static long errors(ValidationResult result) {
    return result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
  }

  @Test
  void shouldReportABrokenRoadmapOnceNotAsMissingOrDangling() {
    ValidationResult result =
        withTitleBroken("roadmap.yaml", "AI Infrastructure Modernisation 2027-2028");

    assertThat(result).containsRule("yaml-syntax").inFile("roadmap.yaml").hasCount(1);
    assertThat(result).doesNotContainRule("roadmap-missing").doesNotContainRule("ref-unresolved");
    Assertions.assertThat(errors(result)).isEqualTo(1);
  }

  @Test
  void shouldSayABusinessCaseCouldNotBeReadNotThatItDoesNotExist() {
    String file = "business-cases/data-foundations.yaml";
    ValidationResult result =
        withTitleBroken(file, "Automated ETL for priority datasets and data-access governance");

    assertThat(result).doesNotContainRule("ref-unresolved");
    assertThat(result)
        .containsRule("pitfall-no-review")
        .withMessageContaining(
            "its business case 'bc-data-foundations' could not be read, see the yaml-syntax"
                + " finding in "
                + file);
    Assertions.assertThat(result.findings())
        .extracting(Finding::message)
        .noneMatch(m -> m.contains("exist"));
  }

  @Test
  void shouldJudgeTheOlderAssessmentAndSayWhyWhenTheNewerCannotBeRead() {
    String file = "assessment/2027-04-assessment.yaml";
    ValidationResult result =
        withTitleBroken(file, "AI infrastructure readiness re-assessment, April 2027");

    assertThat(result).doesNotContainRule("component-missing");
    assertThat(result)
        .containsRule("agentic-not-ready")
        .withMessageContaining(
            "judged on assessment-2027-01 because assessment 'assessment-2027-04' could not be"
                + " read, see the yaml-syntax finding in "
                + file);
  }

  @Test
  void shouldNotCallAssessmentsThatCannotBeReadMissing() {
    Path example = Fixtures.copyExample(repo);
    Fixtures.replaceOnce(
        example.resolve("assessment/2027-01-assessment.yaml"), "title: AI", UNCLOSED + "AI");
    Fixtures.replaceOnce(
        example.resolve("assessment/2027-04-assessment.yaml"), "title: AI", UNCLOSED + "AI");

    ValidationResult result = Fixtures.validate(repo);

    assertThat(result).containsRule("yaml-syntax").hasCount(2);
    assertThat(result).doesNotContainRule("component-missing");
  }

  @Test
  void shouldStillReportAReferenceNoFileDeclares() {
    Fixtures.replaceOnce(
        Fixtures.copyExample(repo).resolve("business-cases/data-foundations.yaml"),
        "title: Automated ETL",
        UNCLOSED + "Automated ETL");
    Fixtures.replaceOnce(
        repo.resolve("roadmap.yaml"), "vendor: v-nimbus-gpu", "vendor: no-such-gpu");

    assertThat(Fixtures.validate(repo))
        .containsRule("ref-unresolved")
        .withMessageContaining("'no-such-gpu'");
  }
}
