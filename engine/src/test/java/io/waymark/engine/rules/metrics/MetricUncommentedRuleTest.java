package io.waymark.engine.rules.metrics;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU utilisation on the example dashboard: 31 → 52 % of the way to 65 % by its target date. With
 * the April reading at 29 % it moves away from its target: red.
 */
class MetricUncommentedRuleTest {

  private static final String RULE = "metric-uncommented";
  private static final String FILE = "metrics/executive-dashboard.yaml";

  @TempDir Path dir;

  @Test
  void shouldReportARedDashboardMetricWithoutCommentary() {
    Path file = Fixtures.copyExample(dir).resolve(FILE);
    Fixtures.replaceOnce(file, "{date: 2027-04-30, value: 52}", "{date: 2027-04-30, value: 29}");
    Fixtures.Position at = Fixtures.positionOf(file, "{date: 2027-04-30, value: 29}");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withSeverity(Severity.INFO)
        .inFile(FILE)
        .at(at.line(), at.column())
        .withMessageContaining(
            "dashboard metric 'gpu-utilisation-pct' is red (moving away) as of 2027-05-14 but has"
                + " no commentary");
  }

  @Test
  void shouldAcceptCommentaryOnTheLatestDataPoint() {
    Path file = Fixtures.copyExample(dir).resolve(FILE);
    Fixtures.replaceOnce(
        file,
        "{date: 2027-04-30, value: 52}",
        "{date: 2027-04-30, value: 29, commentary: Two nodes drained for the firmware upgrade}");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
