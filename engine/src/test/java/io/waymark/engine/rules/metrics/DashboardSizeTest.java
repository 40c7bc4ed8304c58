package io.waymark.engine.rules.metrics;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code dashboard-size}. */
class DashboardSizeTest extends MetricsFixture {

  @Test
  void shouldReportADashboardOfFourMetrics() {
    Path file = metrics();
    Position at = Fixtures.positionOf(file, "- cost-per-inference\n");
    Fixtures.replaceOnce(file, LAST_TWO_DASHBOARD_IDS, "");
    Fixtures.replaceOnce(file, "    - gpu-utilisation-pct\n", "");

    assertThat(Fixtures.only("dashboard-size").validate(repo))
        .containsRule("dashboard-size")
        .inFile(METRICS)
        .at(at.line(), at.column())
        .withPath("/spec/dashboard")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("of 'northwind-kpis' shows 4 metrics; it should show 5-7")
        .withHintContaining("Add 1 more")
        .hasCount(1);
  }

  @Test
  void shouldReportADashboardOfEightMetrics() {
    Path file = metrics();
    Fixtures.replaceOnce(
        file, LAST_TWO_DASHBOARD_IDS, LAST_TWO_DASHBOARD_IDS + "    - pilot-downtime-pct\n");

    assertThat(Fixtures.only("dashboard-size").validate(repo))
        .containsRule("dashboard-size")
        .withMessageContaining("shows 8 metrics")
        .withHintContaining("drop 1 from the dashboard")
        .hasCount(1);
  }

  @Test
  void shouldNotCountARepeatedIdTwice() {
    Path file = metrics();
    Fixtures.replaceOnce(file, LAST_TWO_DASHBOARD_IDS, "    - cost-per-inference\n");
    Fixtures.replaceOnce(file, "    - gpu-utilisation-pct\n", "");

    assertThat(Fixtures.only("dashboard-size").validate(repo))
        .containsRule("dashboard-size")
        .withMessageContaining("shows 4 metrics (not counting repeated ids)")
        .hasCount(1);
  }

  @Test
  void shouldReportMetricsWithoutAnyDashboard() {
    Path file = metrics();
    Position spec = Fixtures.positionOf(file, "spec:\n  dashboard:");
    String text = Fixtures.read(file);
    String dashboard = text.substring(text.indexOf("  dashboard:\n"), text.indexOf("  metrics:\n"));
    Fixtures.replaceOnce(file, dashboard, "");

    assertThat(Fixtures.only("dashboard-size").validate(repo))
        .containsRule("dashboard-size")
        .inFile(METRICS)
        .at(spec.line(), spec.column())
        .withPath("/spec")
        .withMessageContaining("no Metrics document defines an executive dashboard")
        .withHintContaining("under spec of 'northwind-kpis'")
        .hasCount(1);
  }

  @Test
  void shouldAcceptADashboardOfFiveMetrics() {
    Path file = metrics();
    Fixtures.replaceOnce(file, LAST_TWO_DASHBOARD_IDS, "");

    assertThat(Fixtures.only("dashboard-size").validate(repo)).doesNotContainRule("dashboard-size");
  }
}
