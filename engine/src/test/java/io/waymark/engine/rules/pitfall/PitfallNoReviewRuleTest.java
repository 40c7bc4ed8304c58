package io.waymark.engine.rules.pitfall;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitfallNoReviewRuleTest {

  private static final String RULE = "pitfall-no-review";

  private static final String AGENTIC_PILOT_BUDGET =
      "budget: 90000\n          businessCase: bc-agentic-dispatch";

  @TempDir Path dir;

  @Test
  void shouldReportAnInitiativeAboveTheThresholdWithAnUnapprovedCaseOnItsBudget() {
    Path example = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        example.resolve("business-cases/knowledge-layer.yaml"),
        "status: approved",
        "status: proposed");
    Path roadmap = example.resolve("roadmap.yaml");
    Position budget = Fixtures.positionOf(roadmap, "budget: 160000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(budget.line(), budget.column() + "budget: ".length())
        .withPath("/spec/phases/1/initiatives/2/budget")
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "initiative 'i-knowledge-layer' has a budget of 160,000.00 EUR, above the review"
                + " board's threshold of 100,000.00 EUR, but its business case"
                + " 'bc-knowledge-layer' is proposed");
  }

  @Test
  void shouldSayABusinessCaseThatFailedItsSchemaIsInvalidNotMissing() {
    Path example = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        example.resolve("business-cases/pipeline-automation.yaml"),
        "status: approved",
        "status: aproved");

    assertThat(Fixtures.only("pitfall-no-review").validate(dir))
        .containsRule("pitfall-no-review")
        .withMessageContaining(
            "its business case 'bc-pipeline-automation' is invalid, see the schema finding in"
                + " business-cases/pipeline-automation.yaml")
        .hasCount(1);
    assertThat(Fixtures.only("schema").validate(dir))
        .containsRule("schema")
        .inFile("business-cases/pipeline-automation.yaml");
  }

  @Test
  void shouldReportAnApprovalNamingARejectedDecision() {
    Path governance = Fixtures.copyExample(dir).resolve("governance.yaml");
    Fixtures.replaceOnce(
        governance,
        "title: Business case for the MLOps training programme approved\n      outcome: approved",
        "title: Business case for the MLOps training programme approved\n      outcome: rejected");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("'i-mlops-upskilling'")
        .withMessageContaining(
            "the approval decision 'dec-bc-mlops-skills' of business case 'bc-mlops-skills' has"
                + " outcome rejected");
  }

  @Test
  void shouldReportAnInitiativeAboveTheThresholdWithoutBusinessCase() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "          businessCase: bc-mlops-skills\n", "");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("'i-mlops-upskilling'")
        .withMessageContaining("but it has no business case");
  }

  @Test
  void shouldReportAnInitiativeJustAboveTheThreshold() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap, AGENTIC_PILOT_BUDGET, AGENTIC_PILOT_BUDGET.replace("90000", "100001"));

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("'i-agentic-dispatch-pilot' has a budget of 100,001.00 EUR")
        .withMessageContaining("'bc-agentic-dispatch' is proposed");
  }

  @Test
  void shouldAcceptAnInitiativeAtTheThreshold() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap, AGENTIC_PILOT_BUDGET, AGENTIC_PILOT_BUDGET.replace("90000", "100000"));

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldSkipWithoutGovernance() throws IOException {
    Path example = Fixtures.copyExample(dir);
    Files.delete(example.resolve("governance.yaml"));
    Fixtures.replaceOnce(
        example.resolve("business-cases/knowledge-layer.yaml"),
        "status: approved",
        "status: proposed");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
