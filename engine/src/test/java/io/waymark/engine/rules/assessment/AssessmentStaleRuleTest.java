package io.waymark.engine.rules.assessment;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentStaleRuleTest {

  private static final String RULE = "assessment-stale";

  @TempDir Path dir;

  @Test
  void shouldReportTheLatestAssessmentOlderThanSixMonths() {
    Path file = Fixtures.copyExample(dir).resolve("assessment/2027-04-assessment.yaml");
    Position date = valueOf(file, "date: 2027-04-30");

    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-10-31"))
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile("assessment/2027-04-assessment.yaml")
        .at(date.line(), date.column())
        .withMessageContaining("assessment-2027-04 of 2027-04-30, is more than 6 months old")
        .hasCount(1);
  }

  @Test
  void shouldCallTheOlderAssessmentTheLatestValidOneWhenTheReassessmentIsInvalid() {
    Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        dir.resolve("assessment/2027-04-assessment.yaml"), "  diagnostics:\n", "  diagnostic:\n");

    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-08-01"))
        .containsRule(RULE)
        .withMessageContaining("the latest valid assessment, assessment-2027-01 of 2027-01-22")
        .withMessageContaining(
            "; assessment 'assessment-2027-04' is invalid, see the schema finding in"
                + " assessment/2027-04-assessment.yaml")
        .withHintContaining("Fix the schema errors of the invalid assessment first")
        .hasCount(1);
  }

  @Test
  void shouldNotAskToFixAnythingWhenEveryAssessmentIsValid() {
    Fixtures.copyExample(dir);

    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-12-01"))
        .containsRule(RULE)
        .withMessageContaining("the latest assessment, assessment-2027-04")
        .withMessageNotContaining("invalid")
        .withHintContaining("Re-assess readiness")
        .withHintNotContaining("Fix the schema errors")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAnAssessmentExactlySixMonthsOld() {
    Fixtures.copyExample(dir);

    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-10-30")).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportWhenNoAssessmentIsDatedOnOrBeforeAsOf() {
    Path file = Fixtures.copyExample(dir).resolve("assessment/2027-01-assessment.yaml");
    Position date = valueOf(file, "date: 2027-01-22");

    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-01-10"))
        .containsRule(RULE)
        .inFile("assessment/2027-01-assessment.yaml")
        .at(date.line(), date.column())
        .withMessageContaining("no assessment is dated on or before the as-of date 2027-01-10")
        .hasCount(1);
  }

  @Test
  void shouldAcceptTheFreshAprilAssessment() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }

  static Position valueOf(Path file, String keyAndValue) {
    Position p = Fixtures.positionOf(file, keyAndValue);
    return new Position(p.line(), p.column() + keyAndValue.indexOf(": ") + 2);
  }
}
