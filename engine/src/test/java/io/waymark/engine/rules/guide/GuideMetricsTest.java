package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Failing and passing fixtures for {@code metric-no-baseline}, {@code metric-no-lagging}, {@code
 * metric-no-leading}, {@code use-case-unmeasured} (a guide rule of issue 9).
 */
class GuideMetricsTest extends GuideFixture {

  @Test
  void shouldReportADashboardWithoutLeadingIndicators() {
    Position at = Fixtures.positionOf(file(METRICS), "- cost-per-inference\n");
    Fixtures.replaceOnce(
        file(METRICS),
        "    - data-pipeline-sla-pct\n    - gpu-utilisation-pct\n    - trained-staff-pct\n"
            + "    - milestone-completion-pct\n",
        "    - pilot-downtime-pct\n    - exception-handling-minutes\n");

    assertThat(Fixtures.only("metric-no-leading").validate(repo))
        .containsRule("metric-no-leading")
        .withSeverity(Severity.WARNING)
        .inFile(METRICS)
        .at(at.line(), at.column())
        .withMessageContaining("has no leading indicator (5 metric(s), none with kind: leading)")
        .hasCount(1);
    assertThat(Fixtures.only("metric-no-lagging").validate(repo))
        .doesNotContainRule("metric-no-lagging");
  }

  @Test
  void shouldReportADashboardWithoutLaggingIndicators() {
    Fixtures.replaceOnce(
        file(METRICS),
        "    - cost-per-inference\n    - time-to-deploy-days\n    - pilot-to-production-pct\n",
        "    - retrieval-latency-p95-ms\n");

    assertThat(Fixtures.only("metric-no-lagging").validate(repo))
        .containsRule("metric-no-lagging")
        .withMessageContaining("has no lagging indicator")
        .hasCount(1);
    assertThat(Fixtures.only("metric-no-leading").validate(repo))
        .doesNotContainRule("metric-no-leading");
  }

  @Test
  void shouldReportADashboardMetricWithoutBaseline() {
    Fixtures.replaceOnce(file(METRICS), "      baseline: 60\n", "");
    Position at = Fixtures.positionOf(file(METRICS), "id: milestone-completion-pct");

    assertThat(Fixtures.only("metric-no-baseline").validate(repo))
        .containsRule("metric-no-baseline")
        .withSeverity(Severity.WARNING)
        .at(at.line(), at.column() + "id: ".length())
        .withMessageContaining("dashboard metric milestone-completion-pct has no baseline")
        .hasCount(1);
  }

  @Test
  void shouldReportAProductionUseCaseThatNoMetricTracks() {
    Path eta = file("use-cases/eta-prediction.yaml");
    Fixtures.replaceOnce(
        eta,
        "  metrics:\n    - retrieval-latency-p95-ms\n    - cost-per-inference\n"
            + "    - pilot-downtime-pct\n",
        "");

    assertThat(Fixtures.only("use-case-unmeasured").validate(repo))
        .containsRule("use-case-unmeasured")
        .withSeverity(Severity.WARNING)
        .inFile("use-cases/eta-prediction.yaml")
        .withMessageContaining("is in production but names no metric")
        .hasCount(1);
  }
}
