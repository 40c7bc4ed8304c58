package io.waymark.engine.rules.pitfall;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitfallDataReadinessRuleTest {

  private static final String RULE = "pitfall-data-readiness";
  private static final String CORE_PIPELINES =
      "constraint-removal\n          type: data-pipeline\n          constraint: c-manual-pipelines";

  @TempDir Path dir;

  @Test
  void shouldReportManualPipelinesAtTheStartEvenAfterAReassessmentSaysPartial() {
    Path root = Fixtures.copyExample(dir);
    Path roadmap = root.resolve("roadmap.yaml");
    // January records manual pipelines; the April re-assessment (the latest) says partial.
    Fixtures.replaceOnce(
        roadmap, CORE_PIPELINES, CORE_PIPELINES.replace("data-pipeline", "network"));
    Position initiatives =
        Fixtures.positionOf(roadmap, "initiatives:\n        - id: i-automate-core");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("roadmap.yaml")
        .at(initiatives.line(), initiatives.column())
        .withMessageContaining("data pipelines are manual in assessment-2027-01")
        .withMessageContaining("first phase phase-assess-stabilise has no data-pipeline initiative")
        .hasCount(1);
  }

  @Test
  void shouldReportScalingInAnEarlierPhaseThanTheFirstDataPipelineInitiative() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap, CORE_PIPELINES, CORE_PIPELINES.replace("data-pipeline", "network"));
    Fixtures.replaceOnce(roadmap, "type: observability", "type: cloud-compute");
    Position type =
        Fixtures.positionOf(roadmap, "type: cloud-compute\n          constraint: c-idle-gpus");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile("roadmap.yaml")
        .at(type.line(), type.column() + "type: ".length())
        .withMessageContaining(
            "initiative i-gpu-cost-visibility (cloud-compute) in phase-assess-stabilise scales"
                + " infrastructure before the first data-pipeline initiative, in"
                + " phase-build-foundations")
        .hasCount(1);
  }

  @Test
  void shouldAcceptScalingInTheSamePhaseAsTheFirstDataPipelineInitiative() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "type: observability", "type: cloud-compute");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptDataPipelinesFirstAndScalingInPhaseThree() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
