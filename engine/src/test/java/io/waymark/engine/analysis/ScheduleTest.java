package io.waymark.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Milestone;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one definition of overdue and at risk, at its exact boundaries. */
class ScheduleTest {

  private static final LocalDate AS_OF = LocalDate.parse("2027-05-14");

  private static Milestone milestone(String due, Milestone.Status status) {
    return new Milestone(
        "ms",
        "Milestone",
        due == null ? null : LocalDate.parse(due),
        status,
        Optional.empty(),
        List.of(),
        Anchor.ofFile("roadmap.yaml"));
  }

  @Test
  void shouldBeOverdueFromTheDayAfterTheDueDateOnly() {
    assertThat(Schedule.overdue(milestone("2027-05-14", Milestone.Status.IN_PROGRESS), AS_OF))
        .isFalse();
    assertThat(Schedule.overdue(milestone("2027-05-13", Milestone.Status.IN_PROGRESS), AS_OF))
        .isTrue();
    assertThat(Schedule.daysLate(milestone("2027-05-13", Milestone.Status.PLANNED), AS_OF))
        .isEqualTo(1);
  }

  @Test
  void shouldNeverCallAClosedOrUndatedMilestoneOverdue() {
    assertThat(Schedule.overdue(milestone("2027-01-01", Milestone.Status.DONE), AS_OF)).isFalse();
    assertThat(Schedule.overdue(milestone("2027-01-01", Milestone.Status.DROPPED), AS_OF))
        .isFalse();
    assertThat(Schedule.overdue(milestone(null, Milestone.Status.PLANNED), AS_OF)).isFalse();
  }

  @Test
  void shouldCountAtRiskAndOverdueAsTroubled() {
    assertThat(Schedule.atRisk(milestone("2027-06-01", Milestone.Status.AT_RISK))).isTrue();
    assertThat(Schedule.atRisk(milestone("2027-06-01", Milestone.Status.IN_PROGRESS))).isFalse();
    assertThat(Schedule.troubled(milestone("2027-06-01", Milestone.Status.AT_RISK), AS_OF))
        .isTrue();
    assertThat(Schedule.troubled(milestone("2027-05-01", Milestone.Status.PLANNED), AS_OF))
        .isTrue();
    assertThat(Schedule.troubled(milestone("2027-06-01", Milestone.Status.PLANNED), AS_OF))
        .isFalse();
  }
}
