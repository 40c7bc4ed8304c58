package io.waymark.engine.rules.assessment;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreRolesMissingRuleTest {

  private static final String RULE = "core-roles-missing";

  private static final String LATEST = "assessment/2027-04-assessment.yaml";

  private static final String MLOPS = "        mlopsSpecialist: external";

  @TempDir Path dir;

  /** The example's latest assessment staffs all four roles (one external, one shared). */
  @Test
  void shouldAcceptEveryRoleStaffedInHouseSharedOrExternal() {
    Fixtures.copyExample(dir);

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportAMissingRoleOnItsValueWithWhatTheRoleDoes() {
    Path file = Fixtures.copyExample(dir).resolve(LATEST);
    Fixtures.replaceOnce(file, MLOPS, "        mlopsSpecialist: missing");
    Position role = Fixtures.positionOf(file, "mlopsSpecialist: missing");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withSeverity(Severity.WARNING)
        .inFile(LATEST)
        .at(role.line(), role.column() + "mlopsSpecialist: ".length())
        .withPath("/spec/dimensions/skills/roles/mlopsSpecialist")
        .withMessageContaining(
            "the latest assessment assessment-2027-04 records no MLOps specialist (model"
                + " deployment, inference optimisation)")
        .withHintContaining("record it under spec.dimensions.skills.roles");
  }

  @Test
  void shouldReportACoreRoleLeftOutOfTheRolesOnTheRoles() {
    Path file = Fixtures.copyExample(dir).resolve(LATEST);
    String line =
        Fixtures.read(file).lines().filter(l -> l.contains("financialAnalyst:")).findFirst().get();
    Fixtures.replaceOnce(file, line + "\n", "");
    Position roles = Fixtures.positionOf(file, "roles:");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .at(roles.line() + 1, roles.column() + 2)
        .withPath("/spec/dimensions/skills/roles")
        .withMessageContaining(
            "records the core team's roles but not how it staffs the financial analyst (TCO"
                + " modelling, ROI tracking)")
        .withHintContaining("Add financialAnalyst under spec.dimensions.skills.roles");
  }

  /** Other roles may be recorded; one written as missing is reported like a core one. */
  @Test
  void shouldReportAnotherRoleWrittenAsMissingByItsKey() {
    Path file = Fixtures.copyExample(dir).resolve(LATEST);
    Fixtures.replaceOnce(file, MLOPS, MLOPS + "\n        securityEngineer: missing");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withPath("/spec/dimensions/skills/roles/securityEngineer")
        .withMessageContaining("records no security engineer");
  }

  /** The field is optional: an assessment that records no roles is not asked for them. */
  @Test
  void shouldNotAskAnAssessmentWithoutRoles() {
    Path file = Fixtures.copyExample(dir).resolve(LATEST);
    String text = Fixtures.read(file);
    int from = text.indexOf("      roles:\n");
    int to = text.indexOf("    cost:\n");
    Fixtures.replaceOnce(file, text.substring(from, to), "");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  /** A role missing in January and staffed in the April re-assessment is no finding. */
  @Test
  void shouldJudgeTheLatestAssessmentOnly() {
    januaryWithoutAnMlopsSpecialist();

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-03-01"))
        .containsRule(RULE)
        .inFile("assessment/2027-01-assessment.yaml")
        .withMessageContaining("records no MLOps specialist");
  }

  /** April's re-assessment fails its schema: January's, the latest valid one, is judged. */
  @Test
  void shouldNameTheLatestValidAssessmentWhenTheReassessmentIsInvalid() {
    januaryWithoutAnMlopsSpecialist();
    Fixtures.replaceOnce(dir.resolve(LATEST), "  diagnostics:\n", "  diagnostic:\n");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining(
            "the latest valid assessment assessment-2027-01 records no MLOps specialist")
        .withMessageContaining("assessment 'assessment-2027-04' is invalid")
        .hasCount(1);
  }

  /** The example with January's skills recording the MLOps specialist as missing, and no other. */
  private void januaryWithoutAnMlopsSpecialist() {
    Path january = Fixtures.copyExample(dir).resolve("assessment/2027-01-assessment.yaml");
    String text = Fixtures.read(january);
    int skills = text.indexOf("    skills:\n");
    int notes = text.indexOf("      notes:", skills);
    Fixtures.replaceOnce(
        january,
        text.substring(skills, notes),
        text.substring(skills, notes)
            + "      roles:\n"
            + "        infrastructureArchitect: in-house\n"
            + "        dataEngineer: in-house\n"
            + "        mlopsSpecialist: missing\n"
            + "        financialAnalyst: external\n");
  }
}
