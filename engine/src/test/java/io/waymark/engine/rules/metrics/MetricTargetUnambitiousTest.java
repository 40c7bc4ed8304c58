package io.waymark.engine.rules.metrics;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code metric-target-unambitious}. */
class MetricTargetUnambitiousTest extends MetricsFixture {

  private static final String RULE = "metric-target-unambitious";

  @Test
  void shouldReportACostPerInferenceTargetShortOfMinusForty() {
    Path file = metrics();
    Position key = Fixtures.positionOf(file, "value: 2.80\n");
    Fixtures.replaceOnce(file, "value: 2.80\n", "value: 3.00\n");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(METRICS)
        .at(key.line(), key.column() + "value: ".length())
        .withPath("/spec/metrics/0/target/value")
        .withSeverity(Severity.INFO)
        .withMessageContaining(
            "target 3 EUR for 'cost-per-inference' is -37.5% against the baseline 4.8 EUR;"
                + " the methodology aims for -40% or better")
        .withHintContaining("Aim for 2.88 EUR or less")
        .hasCount(1);
  }

  @Test
  void shouldAcceptACostPerInferenceTargetOfExactlyMinusForty() {
    edit("value: 2.80\n", "value: 2.88\n");

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportATimeToDeployTargetShortOfMinusFifty() {
    edit("value: 24\n", "value: 25\n");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withPath("/spec/metrics/1/target/value")
        .withMessageContaining(
            "target 25 days for 'time-to-deploy-days' is -48.98% against the baseline 49 days")
        .withMessageContaining("-50% or better")
        .hasCount(1);
  }

  @Test
  void shouldReportAPilotToProductionTargetBelowThirty() {
    edit("value: 35\n", "value: 25\n");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withPath("/spec/metrics/2/target/value")
        .withMessageContaining("target 25% for 'pilot-to-production-pct' is below 30%")
        .withMessageContaining("industry average about 5%")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAPilotToProductionTargetOfThirty() {
    edit("value: 35\n", "value: 30\n");

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }

  @Test
  void shouldSkipAReductionTargetWithoutABaseline() {
    Path file = edit("      baseline: 4.80\n", "");
    Fixtures.replaceOnce(file, "value: 2.80\n", "value: 4.50\n");

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }
}
