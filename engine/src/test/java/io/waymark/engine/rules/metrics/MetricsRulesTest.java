package io.waymark.engine.rules.metrics;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing and a passing fixture per metrics rule: each test copies the example roadmap (which
 * validates clean, as of 2027-05-14), changes its metrics file, and checks the finding it causes.
 */
class MetricsRulesTest {

  private static final String METRICS = "metrics/executive-dashboard.yaml";
  private static final String LAST_TWO_DASHBOARD_IDS =
      "    - trained-staff-pct\n    - milestone-completion-pct\n";

  @TempDir Path repo;

  private Path metrics() {
    return Fixtures.copyExample(repo).resolve(METRICS);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dashboard-size", "metric-stale", "metric-target-unambitious"})
  void shouldBeRegisteredAndSilentOnTheExampleRoadmap(String rule) {
    assertThat(RuleRegistry.discover().rule(rule)).as("rule %s is registered", rule).isPresent();

    assertThat(Fixtures.only(rule).validate(Fixtures.copyExample(repo))).doesNotContainRule(rule);
  }

  @Nested
  class DashboardSize {

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
          .withHintContaining("drop 1")
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
      String dashboard =
          text.substring(text.indexOf("  dashboard:\n"), text.indexOf("  metrics:\n"));
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

      assertThat(Fixtures.only("dashboard-size").validate(repo))
          .doesNotContainRule("dashboard-size");
    }
  }

  @Nested
  class MetricStale {

    private static final String LAST_TWO_COST_POINTS =
        "        - {date: 2027-03-31, value: 4.52}\n        - {date: 2027-04-30, value: 4.21}\n";

    @Test
    void shouldReportAMonthlyMetricLastRecordedSeventyFiveDaysAgo() {
      Path file = metrics();
      Position at = Fixtures.positionOf(file, "- {date: 2027-02-28, value: 4.80}");
      Fixtures.replaceOnce(file, LAST_TWO_COST_POINTS, "");

      assertThat(Fixtures.only("metric-stale").validate(repo))
          .containsRule("metric-stale")
          .inFile(METRICS)
          .at(at.line(), at.column())
          .withPath("/spec/metrics/0/series")
          .withSeverity(Severity.WARNING)
          .withMessageContaining(
              "'cost-per-inference' was last recorded on 2027-02-28, 75 days before the as-of"
                  + " date 2027-05-14; a monthly metric needs one within 46 days (31 + 15)")
          .hasCount(1);
    }

    @Test
    void shouldNotReportAMetricWhoseFirstReadingIsNotDueYet() {
      // The roadmap starts on 2027-01-04: a monthly metric's first reading is due 46 days later.
      Path file = metrics();
      Fixtures.replaceOnce(
          file,
          "      series:\n        - {date: 2027-02-28, value: 4.80}\n" + LAST_TWO_COST_POINTS,
          "      series: []\n");

      assertThat(Fixtures.only("metric-stale").validate(repo, java.time.LocalDate.of(2027, 2, 10)))
          .doesNotContainRule("metric-stale");
      assertThat(Fixtures.only("metric-stale").validate(repo, java.time.LocalDate.of(2027, 2, 20)))
          .containsRule("metric-stale")
          .withMessageContaining("'cost-per-inference' has no data point on or before");
    }

    @Test
    void shouldAcceptAMonthlyPointExactlyFortySixDaysOld() {
      Path file = metrics();
      Fixtures.replaceOnce(
          file, LAST_TWO_COST_POINTS, "        - {date: 2027-03-29, value: 4.52}\n");

      assertThat(Fixtures.only("metric-stale").validate(repo)).doesNotContainRule("metric-stale");
    }

    @Test
    void shouldReportAMonthlyPointFortySevenDaysOld() {
      Path file = metrics();
      Fixtures.replaceOnce(
          file, LAST_TWO_COST_POINTS, "        - {date: 2027-03-28, value: 4.52}\n");

      assertThat(Fixtures.only("metric-stale").validate(repo))
          .containsRule("metric-stale")
          .withMessageContaining("47 days before")
          .hasCount(1);
    }

    @Test
    void shouldGiveAQuarterlyMetricNinetyTwoDaysPlusGrace() {
      Path file = metrics();
      Fixtures.replaceOnce(file, "        - {date: 2027-03-31, value: 2}\n", "");

      assertThat(Fixtures.only("metric-stale").validate(repo))
          .containsRule("metric-stale")
          .withPath("/spec/metrics/12/series")
          .withMessageContaining("'governance-maturity-level' was last recorded on 2026-12-31")
          .withMessageContaining("a quarterly metric needs one within 107 days (92 + 15)")
          .hasCount(1);
    }

    @Test
    void shouldReportAMetricWithNoPointOnOrBeforeTheAsOfDate() {
      Path file = metrics();
      Fixtures.replaceOnce(
          file,
          "        - {date: 2026-12-31, value: 1}\n        - {date: 2027-03-31, value: 2}\n",
          "        - {date: 2027-06-30, value: 2}\n");

      assertThat(Fixtures.only("metric-stale").validate(repo))
          .containsRule("metric-stale")
          .withPath("/spec/metrics/12/series")
          .withMessageContaining(
              "'governance-maturity-level' has no data point on or before the as-of date"
                  + " 2027-05-14")
          .hasCount(1);
    }
  }

  @Nested
  class MetricTargetUnambitious {

    @Test
    void shouldReportACostPerInferenceTargetShortOfMinusForty() {
      Path file = metrics();
      Position key = Fixtures.positionOf(file, "value: 2.80\n");
      Fixtures.replaceOnce(file, "value: 2.80\n", "value: 3.00\n");

      assertThat(Fixtures.only("metric-target-unambitious").validate(repo))
          .containsRule("metric-target-unambitious")
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
      Path file = metrics();
      Fixtures.replaceOnce(file, "value: 2.80\n", "value: 2.88\n");

      assertThat(Fixtures.only("metric-target-unambitious").validate(repo))
          .doesNotContainRule("metric-target-unambitious");
    }

    @Test
    void shouldReportATimeToDeployTargetShortOfMinusFifty() {
      Path file = metrics();
      Fixtures.replaceOnce(file, "value: 24\n", "value: 25\n");

      assertThat(Fixtures.only("metric-target-unambitious").validate(repo))
          .containsRule("metric-target-unambitious")
          .withPath("/spec/metrics/1/target/value")
          .withMessageContaining(
              "target 25 days for 'time-to-deploy-days' is -48.98% against the baseline 49 days")
          .withMessageContaining("-50% or better")
          .hasCount(1);
    }

    @Test
    void shouldReportAPilotToProductionTargetBelowThirty() {
      Path file = metrics();
      Fixtures.replaceOnce(file, "value: 35\n", "value: 25\n");

      assertThat(Fixtures.only("metric-target-unambitious").validate(repo))
          .containsRule("metric-target-unambitious")
          .withPath("/spec/metrics/2/target/value")
          .withMessageContaining("target 25% for 'pilot-to-production-pct' is below 30%")
          .withMessageContaining("industry average about 5%")
          .hasCount(1);
    }

    @Test
    void shouldAcceptAPilotToProductionTargetOfThirty() {
      Path file = metrics();
      Fixtures.replaceOnce(file, "value: 35\n", "value: 30\n");

      assertThat(Fixtures.only("metric-target-unambitious").validate(repo))
          .doesNotContainRule("metric-target-unambitious");
    }

    @Test
    void shouldSkipAReductionTargetWithoutABaseline() {
      Path file = metrics();
      Fixtures.replaceOnce(file, "      baseline: 4.80\n", "");
      Fixtures.replaceOnce(file, "value: 2.80\n", "value: 4.50\n");

      assertThat(Fixtures.only("metric-target-unambitious").validate(repo))
          .doesNotContainRule("metric-target-unambitious");
    }
  }
}
