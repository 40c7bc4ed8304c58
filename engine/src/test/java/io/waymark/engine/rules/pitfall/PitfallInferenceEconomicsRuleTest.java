package io.waymark.engine.rules.pitfall;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitfallInferenceEconomicsRuleTest {

  private static final String RULE = "pitfall-inference-economics";
  private static final String METRICS = "metrics/executive-dashboard.yaml";
  private static final String AGENTIC = "use-cases/agentic-dispatch-assistant.yaml";

  @TempDir Path dir;

  @Test
  void shouldReportARepositoryWithoutCostPerInference() {
    Path file = Fixtures.copyExample(dir).resolve(METRICS);
    Fixtures.replaceOnce(file, "- id: cost-per-inference", "- id: inference-cost-eur");
    Position firstMetric = Fixtures.positionOf(file, "- id: inference-cost-eur");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile(METRICS)
        .at(firstMetric.line(), firstMetric.column())
        .withMessageContaining("no metric with id cost-per-inference is tracked")
        .hasCount(1);
  }

  @Test
  void shouldReportAnAgenticUseCaseWithoutCostMetric() {
    Path file = Fixtures.copyExample(dir).resolve(AGENTIC);
    Fixtures.replaceOnce(file, "    - cost-per-inference\n", "");
    Position metrics = Fixtures.positionOf(file, "- exception-handling-minutes");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile(AGENTIC)
        .at(metrics.line(), metrics.column())
        .withMessageContaining(
            "agentic use case uc-agentic-dispatch-assistant names no metric of category cost"
                + " among exception-handling-minutes, pilot-downtime-pct")
        .hasCount(1);
  }

  @Test
  void shouldAcceptCostPerInferenceAndACostMetricOnEveryAgenticUseCase() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
