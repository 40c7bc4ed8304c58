package io.waymark.engine.rules.governance;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing and passing fixtures for {@code decision-unknown}: each test copies the example roadmap
 * (which validates clean), makes a waiver or an approval name a decision, and checks the finding.
 */
class GovernanceRulesTest {

  private static final String RULE = "decision-unknown";
  private static final String ROADMAP = "roadmap.yaml";
  private static final String MLOPS = "business-cases/mlops-skills.yaml";
  private static final String PHASE_3_GATE = "id: gate-scale-optimise\n        status: pending\n";
  private static final String TEN_USE_CASES = "operator: \">=\"\n            target: 10\n";

  @TempDir Path repo;

  @Test
  void shouldBeRegisteredAndSilentOnTheExampleRoadmap() {
    assertThat(RuleRegistry.discover().rule(RULE)).isPresent();

    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(repo))).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportAnApprovalNamingAnUnknownDecision() {
    Path file = Fixtures.copyExample(repo).resolve(MLOPS);
    Position at = Fixtures.positionOf(file, "dec-bc-mlops-skills");
    Fixtures.replaceOnce(file, "dec-bc-mlops-skills", "dec-bc-mlops-skill");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(MLOPS)
        .at(at.line(), at.column())
        .withPath("/spec/approval/decision")
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "approval of business case 'bc-mlops-skills' names decision 'dec-bc-mlops-skill'")
        .withHintContaining("Did you mean 'dec-bc-mlops-skills'?")
        .hasCount(1);
  }

  @Test
  void shouldReportAGateWaiverNamingAnUnknownDecision() {
    Path file = Fixtures.copyExample(repo).resolve(ROADMAP);
    Fixtures.replaceOnce(
        file,
        PHASE_3_GATE,
        PHASE_3_GATE
            + "        waiver:\n"
            + "          decision: dec-waive-scale-gate\n"
            + "          reason: Peak season\n");
    Position at = Fixtures.positionOf(file, "dec-waive-scale-gate");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(ROADMAP)
        .at(at.line(), at.column())
        .withPath("/spec/phases/2/gate/waiver/decision")
        .withMessageContaining("the gate waiver names decision 'dec-waive-scale-gate'")
        .hasCount(1);
  }

  @Test
  void shouldReportACriterionWaiverNamingAnUnknownDecision() {
    Path file = Fixtures.copyExample(repo).resolve(ROADMAP);
    Fixtures.replaceOnce(
        file,
        TEN_USE_CASES,
        TEN_USE_CASES
            + "            waiver:\n"
            + "              decision: dec-gate-assess-stabilize\n"
            + "              reason: Two use cases moved to 2028\n");
    Position at = Fixtures.positionOf(file, "dec-gate-assess-stabilize");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(ROADMAP)
        .at(at.line(), at.column())
        .withPath("/spec/phases/2/gate/criteria/0/waiver/decision")
        .withMessageContaining("the criterion waiver names decision 'dec-gate-assess-stabilize'")
        .withHintContaining("Did you mean 'dec-gate-assess-stabilise'?")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAWaiverNamingARecordedDecision() {
    Path file = Fixtures.copyExample(repo).resolve(ROADMAP);
    Fixtures.replaceOnce(
        file,
        TEN_USE_CASES,
        TEN_USE_CASES
            + "            waiver:\n"
            + "              decision: dec-qbr-2027-q1\n"
            + "              reason: Accepted at the Q1 review\n");

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }

  @Test
  void shouldSayWhenThereIsNoGovernanceDocumentAtAll() throws IOException {
    Files.delete(Fixtures.copyExample(repo).resolve("governance.yaml"));

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(MLOPS)
        .withMessageContaining("the repository has no Governance document");
  }
}
