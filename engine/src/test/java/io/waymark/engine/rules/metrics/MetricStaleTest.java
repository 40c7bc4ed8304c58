package io.waymark.engine.rules.metrics;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code metric-stale}. */
class MetricStaleTest extends MetricsFixture {

  private static final String RULE = "metric-stale";

  private static final String LAST_TWO_COST_POINTS =
      "        - {date: 2027-03-31, value: 4.52}\n        - {date: 2027-04-30, value: 4.21}\n";

  @Test
  void shouldReportAMonthlyMetricLastRecordedSeventyFiveDaysAgo() {
    Path file = metrics();
    Position at = Fixtures.positionOf(file, "- {date: 2027-02-28, value: 4.80}");
    Fixtures.replaceOnce(file, LAST_TWO_COST_POINTS, "");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
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
    edit(
        "      series:\n        - {date: 2027-02-28, value: 4.80}\n" + LAST_TWO_COST_POINTS,
        "      series: []\n");

    assertThat(Fixtures.only(RULE).validate(repo, java.time.LocalDate.of(2027, 2, 10)))
        .doesNotContainRule(RULE);
    assertThat(Fixtures.only(RULE).validate(repo, java.time.LocalDate.of(2027, 2, 20)))
        .containsRule(RULE)
        .withMessageContaining("'cost-per-inference' has no data point on or before");
  }

  @Test
  void shouldAcceptAMonthlyPointExactlyFortySixDaysOld() {
    edit(LAST_TWO_COST_POINTS, "        - {date: 2027-03-29, value: 4.52}\n");

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportAMonthlyPointFortySevenDaysOld() {
    edit(LAST_TWO_COST_POINTS, "        - {date: 2027-03-28, value: 4.52}\n");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withMessageContaining("47 days before")
        .hasCount(1);
  }

  @Test
  void shouldGiveAQuarterlyMetricNinetyTwoDaysPlusGrace() {
    edit("        - {date: 2027-03-31, value: 2}\n", "");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withPath("/spec/metrics/12/series")
        .withMessageContaining("'governance-maturity-level' was last recorded on 2026-12-31")
        .withMessageContaining("a quarterly metric needs one within 107 days (92 + 15)")
        .hasCount(1);
  }

  @Test
  void shouldReportAMetricWithNoPointOnOrBeforeTheAsOfDate() {
    edit(
        "        - {date: 2026-12-31, value: 1}\n        - {date: 2027-03-31, value: 2}\n",
        "        - {date: 2027-06-30, value: 2}\n");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withPath("/spec/metrics/12/series")
        .withMessageContaining(
            "'governance-maturity-level' has no data point on or before the as-of date"
                + " 2027-05-14")
        .hasCount(1);
  }
}
