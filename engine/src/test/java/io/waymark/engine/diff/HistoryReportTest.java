package io.waymark.engine.diff;

import static io.waymark.engine.rules.history.FakeHistoryText.edit;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.History;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.rules.history.FakeHistory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReportTest {

  @TempDir Path dir;

  private HistoryReport report(History history) {
    ValidationResult result = Fixtures.validate(dir);
    PlanHistory planHistory =
        PlanHistory.read(history, result.load().documents(), result.load().config().limits());
    return HistoryReport.of(planHistory, result.plan(), result.asOf());
  }

  @Test
  void shouldTellEachMilestonesOriginalAndCurrentDueAndItsReplans() {
    String now = Fixtures.read(Fixtures.copyExample(dir).resolve("roadmap.yaml"));
    FakeHistory history = FakeHistory.complete();
    Commit first =
        history.change(
            "roadmap.yaml", "2027-01-05", edit(now, "due: 2027-06-18", "due: 2027-05-28"));
    history.change("roadmap.yaml", "2027-03-10", edit(now, "due: 2027-06-18", "due: 2027-06-11"));
    history.change("roadmap.yaml", "2027-04-20", now);

    HistoryReport report = report(history);

    assertThat(report.commits()).isEqualTo(3);
    MilestoneSlips.MilestoneHistory wave =
        report.milestones().stream()
            .filter(m -> m.milestone().id().equals("ms-priority-etl-wave-1"))
            .findFirst()
            .orElseThrow();
    assertThat(wave.originalDue()).isEqualTo(LocalDate.of(2027, 5, 28));
    assertThat(wave.firstPlanned().commit()).contains(first);
    assertThat(wave.currentDue()).isEqualTo(LocalDate.of(2027, 6, 18));
    assertThat(wave.moves()).hasSize(2);
    assertThat(wave.totalSlipDays()).isEqualTo(21);
    assertThat(report.milestones())
        .filteredOn(m -> !m.milestone().id().equals("ms-priority-etl-wave-1"))
        .allSatisfy(m -> assertThat(m.moves()).isEmpty());
  }

  /**
   * A milestone moved because its phase was extended for a recorded reason: its move takes the
   * phase's new 'replanned' entry (the history, the QBR's challenges), not the commit message.
   */
  @Test
  void shouldGiveAMilestoneMovedWithItsPhaseThePhasesReplanEntry() {
    MilestoneSlips.MilestoneHistory wave = waveMovedWithItsPhaseNoting("[4, 10]", "Gate slipped");

    assertThat(wave.moves()).hasSize(1);
    assertThat(ChangeReasons.of(wave)).containsExactly(Optional.of("Gate slipped (2027-05-11)"));
  }

  /**
   * A phase that gained a 'replanned' entry without its months moving carries nothing: its
   * milestone's move is explained by its own entry or not at all, as replan-unexplained judges it
   * in the pull request (the history said the phase's reason, the check said none).
   */
  @Test
  void shouldNotGiveAMilestoneTheReasonOfAPhaseThatDidNotMove() {
    MilestoneSlips.MilestoneHistory wave = waveMovedWithItsPhaseNoting("[4, 9]", "Scope grew");

    assertThat(wave.moves()).hasSize(1);
    assertThat(ChangeReasons.entries(wave)).containsExactly(Optional.empty());
  }

  /**
   * The history of the example's ETL wave moved four weeks later by a commit of 2027-05-12 that
   * also gave its phase (months [4, 9] before) the months {@code months} and a 'replanned' entry of
   * 2027-05-11 with {@code reason}.
   */
  private MilestoneSlips.MilestoneHistory waveMovedWithItsPhaseNoting(
      String months, String reason) {
    String now = Fixtures.read(Fixtures.copyExample(dir).resolve("roadmap.yaml"));
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-01-05", now);
    String changed =
        edit(
            now,
            "due: 2027-06-18",
            "due: 2027-07-16",
            "      months: [4, 9]\n",
            "      months: "
                + months
                + "\n      replanned:\n        - {on: 2027-05-11, reason: "
                + reason
                + "}\n");
    history.change("roadmap.yaml", "2027-05-12", changed);
    Fixtures.write(dir, "roadmap.yaml", changed);
    return report(history).milestones().stream()
        .filter(m -> m.milestone().id().equals("ms-priority-etl-wave-1"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldTellWhenEachGatesStatusChanged() {
    String now = Fixtures.read(Fixtures.copyExample(dir).resolve("roadmap.yaml"));
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-01-05", edit(now, "status: passed", "status: pending"));
    Commit passed = history.change("roadmap.yaml", "2027-04-01", now);

    HistoryReport report = report(history);

    HistoryReport.GateHistory gate = report.gates().get(0);
    assertThat(gate.gate()).isEqualTo("gate-assess-stabilise");
    assertThat(gate.initialStatus()).isEqualTo("pending");
    assertThat(gate.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.from()).isEqualTo("pending");
              assertThat(c.to()).isEqualTo("passed");
              assertThat(c.decidedOn()).contains(LocalDate.of(2027, 3, 31));
              assertThat(c.state().commit()).contains(passed);
            });
    assertThat(report.gates().get(1).changes()).isEmpty();
  }

  @Test
  void shouldTellEachMetricsSeriesAsItWasRecorded() {
    Fixtures.copyExample(dir);
    String now = Fixtures.read(dir.resolve("metrics/executive-dashboard.yaml"));
    String march =
        edit(
            now, "        - {date: 2027-04-30, value: 4.21}\n", "", "value: 4.52}", "value: 4.60}");
    FakeHistory history = FakeHistory.complete();
    Commit first = history.change("metrics/executive-dashboard.yaml", "2027-04-02", march);
    Commit april = history.change("metrics/executive-dashboard.yaml", "2027-05-03", now);

    HistoryReport report = report(history);

    HistoryReport.MetricHistory cost =
        report.metrics().stream()
            .filter(m -> m.id().equals("cost-per-inference"))
            .findFirst()
            .orElseThrow();
    assertThat(cost.file()).isEqualTo("metrics/executive-dashboard.yaml");
    assertThat(cost.recordings()).hasSize(2);
    assertThat(cost.recordings().get(0).commit()).contains(first);
    assertThat(cost.recordings().get(0).added()).hasSize(2);
    HistoryReport.Recording second = cost.recordings().get(1);
    assertThat(second.commit()).contains(april);
    assertThat(second.added())
        .containsExactly(
            new HistoryReport.Point(LocalDate.of(2027, 4, 30), new BigDecimal("4.21")));
    assertThat(second.revised())
        .containsExactly(
            new HistoryReport.Revision(
                LocalDate.of(2027, 3, 31), new BigDecimal("4.60"), new BigDecimal("4.52")));
  }

  @Test
  void shouldCarryTheLimitationAndNotesWithoutHistory() {
    Fixtures.copyExample(dir);

    HistoryReport report = report(History.none("not a Git repository"));

    assertThat(report.commits()).isZero();
    assertThat(report.limitation()).contains("not a Git repository");
    assertThat(report.milestones()).allSatisfy(m -> assertThat(m.moves()).isEmpty());
    assertThat(report.churn().orElseThrow().churning()).isFalse();
  }
}
