package io.waymark.engine.rules.roadmap;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roadmaps that pass the schema but are nearly empty: the rules judge them without failing. */
class OddRoadmapTest {

  @TempDir Path dir;

  @Test
  void shouldJudgeARoadmapWithoutPhasesOrMoneyWithoutFailing() {
    Fixtures.write(
        dir,
        "roadmap.yaml",
        """
        apiVersion: waymark/v1
        kind: Roadmap
        metadata: {id: empty-plan, title: Empty plan}
        spec:
          start: 2027-01-04
          horizonMonths: 3
          budget: {total: 0, contingency: 0}
          futureState: {workloads: [], architecture: "", successCriteria: []}
          phases: []
        """);

    ValidationResult result = Fixtures.validate(dir);

    assertThat(result).doesNotContainRule(Validator.RULE_FAILED);
    assertThat(result)
        .containsRule("component-missing")
        .withPath("/spec/phases")
        .withMessageContaining("no phased implementation plan");
    assertThat(result)
        .containsRule("component-missing")
        .withPath("/spec/futureState")
        .withMessageContaining("spec.futureState is empty");
    assertThat(result).containsRule("component-missing").hasCount(5);
    assertThat(result)
        .containsRule("milestone-cadence")
        .hasCount(1)
        .withPath("/spec/phases")
        .withMessageContaining("increment 1 (months 1-3, 2027-01-04 to 2027-04-03)");
    assertThat(result).containsRule("roadmap-horizon").hasCount(1);
    assertThat(result)
        .doesNotContainRule("budget-split")
        .doesNotContainRule("budget-overrun")
        .doesNotContainRule("pitfall-big-bang")
        .doesNotContainRule("pitfall-vendor-lock-in");
  }
}
