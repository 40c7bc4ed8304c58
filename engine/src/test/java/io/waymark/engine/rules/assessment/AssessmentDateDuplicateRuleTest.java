package io.waymark.engine.rules.assessment;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing and passing fixtures for {@code assessment-date-duplicate}: the example roadmap (two
 * assessments, 2027-01-22 and 2027-04-30) with copies of its April assessment added.
 */
class AssessmentDateDuplicateRuleTest {

  private static final String RULE = "assessment-date-duplicate";
  private static final String APRIL = "assessment/2027-04-assessment.yaml";

  /** Where the April assessment's date is written (the value). */
  private static final String APRIL_DATE_AT = APRIL + ":27:9";

  @TempDir Path repo;

  /** A copy of the April assessment in {@code file}, with the id {@code id}, dated {@code date}. */
  private Path aprilCopy(String file, String id, String date) {
    return Fixtures.write(
        repo,
        file,
        Fixtures.read(repo.resolve(APRIL))
            .replace("id: assessment-2027-04", "id: " + id)
            .replace("date: 2027-04-30", "date: " + date));
  }

  @Test
  void shouldAcceptAssessmentsOfDifferentDates() {
    Fixtures.copyExample(repo);
    aprilCopy("assessment/2027-05-assessment.yaml", "assessment-2027-05", "2027-05-01");

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportTheSecondAssessmentOfADateAtItsDate() {
    Fixtures.copyExample(repo);
    // read first: 2027-04-again.yaml comes before 2027-04-assessment.yaml
    Path copy =
        aprilCopy("assessment/2027-04-again.yaml", "assessment-2027-04-again", "2027-04-30");
    Position first = Fixtures.positionOf(copy, "date: 2027-04-30");
    Position second = Fixtures.positionOf(repo.resolve(APRIL), "date: 2027-04-30");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(APRIL)
        .at(second.line(), second.column() + "date: ".length())
        .withPath("/spec/date")
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "assessment 'assessment-2027-04' has the same date, 2027-04-30, as assessment"
                + " 'assessment-2027-04-again' at assessment/2027-04-again.yaml:"
                + first.line()
                + ":"
                + (first.column() + "date: ".length()))
        .withMessageContaining("which of them is the latest assessment depends on the order")
        .withHintContaining("Date the re-assessment the day it was made on")
        .hasCount(1);
  }

  @Test
  void shouldReportEveryFurtherAssessmentOfTheDateAgainstTheFirst() {
    Fixtures.copyExample(repo);
    aprilCopy("assessment/2027-04-x.yaml", "assessment-2027-04-x", "2027-04-30");
    aprilCopy("assessment/2027-04-y.yaml", "assessment-2027-04-y", "2027-04-30");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withMessageContaining("as assessment 'assessment-2027-04' at " + APRIL_DATE_AT)
        .hasCount(2);
  }

  @Test
  void shouldReportTwoAssessmentsOfADateAfterTheAsOfDate() {
    Fixtures.copyExample(repo);
    aprilCopy("assessment/2027-09-a.yaml", "assessment-2027-09-a", "2027-09-30");
    aprilCopy("assessment/2027-09-b.yaml", "assessment-2027-09-b", "2027-09-30");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile("assessment/2027-09-b.yaml")
        .withMessageContaining("'assessment-2027-09-b' has the same date, 2027-09-30")
        .hasCount(1);
  }

  /**
   * An assessment that fails its schema (an unknown field) still has its date: the duplicate is
   * reported now, as {@code waymark new assessment} refuses the date, not only once the schema
   * error is fixed.
   */
  @Test
  void shouldCountAnAssessmentThatFailsItsSchemaByItsDate() {
    Fixtures.copyExample(repo);
    Path copy = aprilCopy("assessment/2027-04-z.yaml", "assessment-2027-04-z", "2027-04-30");
    Fixtures.write(
        repo,
        "assessment/2027-04-z.yaml",
        Fixtures.read(copy).replace("  date: 2027-04-30\n", "  date: 2027-04-30\n  bogus: 1\n"));
    Position second = Fixtures.positionOf(copy, "date: 2027-04-30");

    assertThat(Fixtures.only(RULE, "schema").validate(repo))
        .containsRule("schema")
        .inFile("assessment/2027-04-z.yaml")
        .hasCount(1);
    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile("assessment/2027-04-z.yaml")
        .at(second.line(), second.column() + "date: ".length())
        .withMessageContaining(
            "assessment 'assessment-2027-04-z' has the same date, 2027-04-30, as assessment"
                + " 'assessment-2027-04' at "
                + APRIL_DATE_AT)
        .hasCount(1);
  }

  /**
   * Of a valid and an invalid assessment of one date, the invalid one is reported (at its date),
   * whichever is read first: the valid one needs no change.
   */
  @Test
  void shouldReportTheInvalidOfTwoAssessmentsOfADate() {
    Fixtures.copyExample(repo);
    Path copy =
        aprilCopy("assessment/2027-04-again.yaml", "assessment-2027-04-again", "2027-04-30");
    Fixtures.write(
        repo,
        "assessment/2027-04-again.yaml",
        Fixtures.read(copy).replace("  date: 2027-04-30\n", "  date: 2027-04-30\n  bogus: 1\n"));

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile("assessment/2027-04-again.yaml")
        .withMessageContaining(
            "assessment 'assessment-2027-04-again' has the same date, 2027-04-30, as assessment"
                + " 'assessment-2027-04' at "
                + APRIL_DATE_AT)
        .hasCount(1);
  }

  /**
   * An invalid assessment whose date does not read as one is not counted; one that failed only in
   * an item (kept in the plan without it) is counted once, not as a duplicate of itself.
   */
  @Test
  void shouldCountNeitherAnUnreadableDateNorAPartlyValidAssessmentTwice() {
    Fixtures.copyExample(repo);
    aprilCopy("assessment/2027-04-soon.yaml", "assessment-2027-04-soon", "soon");
    Fixtures.write(
        repo,
        APRIL,
        Fixtures.read(repo.resolve(APRIL))
            .replace("    - id: c-data-quality\n", "    - id: c-data-quality\n      bogus: 1\n"));

    assertThat(Fixtures.only(RULE, "schema").validate(repo))
        .containsRule("schema")
        .inFile(APRIL)
        .hasCount(1);
    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
    assertThat(Fixtures.only(RULE).forgettingPositions().validate(repo)).doesNotContainRule(RULE);
  }
}
