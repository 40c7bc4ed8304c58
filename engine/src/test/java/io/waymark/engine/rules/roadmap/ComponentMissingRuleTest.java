package io.waymark.engine.rules.roadmap;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentMissingRuleTest {

  private static final String RULE = "component-missing";

  @TempDir Path dir;

  @Test
  void shouldReportMissingGovernanceOnTheRoadmapSpec() throws IOException {
    Fixtures.copyExample(dir);
    Files.delete(dir.resolve("governance.yaml"));
    Position spec = Fixtures.positionOf(dir.resolve("roadmap.yaml"), "start: 2027-01-04");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(spec.line(), spec.column())
        .withPath("/spec")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("no governance framework");
  }

  @Test
  void shouldReportAMissingFutureState() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    String text = Fixtures.read(roadmap);
    String withoutFutureState =
        text.substring(0, text.indexOf("  futureState:"))
            + text.substring(text.indexOf("  phases:"));
    Fixtures.write(dir, "roadmap.yaml", withoutFutureState);

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withPath("/spec")
        .withMessageContaining("spec.futureState is missing");
  }

  @Test
  void shouldReportAnAbsentAssessmentAsBothMissingAssessmentAndMissingGapAnalysis()
      throws IOException {
    Fixtures.copyExample(dir);
    Files.delete(dir.resolve("assessment/2027-01-assessment.yaml"));
    Files.delete(dir.resolve("assessment/2027-04-assessment.yaml"));

    ValidationResult result = Fixtures.only(RULE).validate(dir);

    assertThat(result).containsRule(RULE).hasCount(2);
    assertThat(result).containsRule(RULE).withMessageContaining("no current-state assessment");
    assertThat(result).containsRule(RULE).withMessageContaining("no gap analysis");
  }

  @Test
  void shouldReportAGapAnalysisWithoutConstraints() {
    Fixtures.copyExample(dir);
    for (String name : new String[] {"2027-01-assessment.yaml", "2027-04-assessment.yaml"}) {
      Path file = dir.resolve("assessment").resolve(name);
      String text = Fixtures.read(file);
      Fixtures.write(
          dir,
          "assessment/" + name,
          text.substring(0, text.indexOf("  constraints:")) + "  constraints: []\n");
    }

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("no gap analysis: no assessment lists any constraints");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
