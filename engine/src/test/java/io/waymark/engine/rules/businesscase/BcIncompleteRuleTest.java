package io.waymark.engine.rules.businesscase;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.businesscase.CaseFiles.PIPELINE;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcIncompleteRuleTest {

  private static final String RULE = "bc-incomplete";

  @TempDir Path dir;

  @Test
  void shouldReportAnEmptyProblemStatementOnTheStatement() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    CaseFiles.replaceBlock(file, "statement: >-", "statement: \"\"");
    Position at = Fixtures.positionOf(file, "statement: \"\"");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(PIPELINE)
        .at(at.line(), at.column() + "statement: ".length())
        .withPath("/spec/problem/statement")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("'bc-pipeline-automation' has an empty problem statement");
  }

  @Test
  void shouldReportABlankRiskAnswerOnTheAnswer() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    CaseFiles.replaceBlock(file, "ifUnderdelivers: >-", "ifUnderdelivers: \"   \"");
    Position at = Fixtures.positionOf(file, "ifUnderdelivers: \"   \"");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .at(at.line(), at.column() + "ifUnderdelivers: ".length())
        .withPath("/spec/risks/ifUnderdelivers")
        .withMessageContaining("empty risk section 'ifUnderdelivers'")
        .withHintContaining("salvage value");
  }

  @Test
  void shouldReportEmptyCostAndBenefitListsOnTheLists() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    CaseFiles.replaceBlock(file, "costs:", "costs: []");
    CaseFiles.replaceBlock(file, "benefits:", "benefits: []");
    Position costs = Fixtures.positionOf(file, "costs: []");
    Position benefits = Fixtures.positionOf(file, "benefits: []");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(2)
        .inFile(PIPELINE)
        .at(costs.line(), costs.column() + "costs: ".length())
        .withPath("/spec/costs")
        .withMessageContaining("has no cost lines");
    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .at(benefits.line(), benefits.column() + "benefits: ".length())
        .withPath("/spec/benefits")
        .withMessageContaining("has no benefits");
  }

  @Test
  void shouldReportAnEmptySolutionApproach() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    CaseFiles.replaceBlock(file, "approach: >-", "approach: ''");
    Position at = Fixtures.positionOf(file, "approach: ''");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .at(at.line(), at.column() + "approach: ".length())
        .withPath("/spec/solution/approach")
        .withMessageContaining("empty solution approach");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
