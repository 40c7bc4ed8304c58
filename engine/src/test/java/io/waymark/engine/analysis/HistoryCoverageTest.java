package io.waymark.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryCoverageTest {

  @Test
  void shouldStartTheChurnMonthsOnTheFirstOfTheMonthFiveMonthsBeforeAsOf() {
    assertThat(PlanChurn.windowStart(LocalDate.of(2027, 4, 1))).isEqualTo("2026-11-01");
    assertThat(PlanChurn.windowStart(LocalDate.of(2027, 4, 30))).isEqualTo("2026-11-01");
    assertThat(PlanChurn.windowStart(LocalDate.of(2027, 3, 31))).isEqualTo("2026-10-01");
    assertThat(PlanChurn.windowStart(LocalDate.of(2027, 6, 15))).isEqualTo("2027-01-01");
  }

  @Test
  void shouldAskTheTwoRuleQuestionsInAStableOrderFromTheWindowStart() {
    Map<String, Coverage> coverage =
        HistoryCoverage.ofRules(
            PlanHistory.empty(Optional.of("not a Git repository")), LocalDate.of(2027, 4, 20));

    assertThat(coverage).containsOnlyKeys("milestone-slipping", "roadmap-churn");
    assertThat(coverage.keySet()).containsExactly("milestone-slipping", "roadmap-churn");
    assertThat(coverage.get("milestone-slipping").question())
        .isEqualTo("the re-plans of the open milestones");
    assertThat(coverage.get("roadmap-churn").question())
        .isEqualTo("the plan changes since 1 November 2026");
  }
}
