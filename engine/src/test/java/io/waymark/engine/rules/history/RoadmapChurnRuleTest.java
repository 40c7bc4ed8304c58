package io.waymark.engine.rules.history;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.history.HistoryFixtures.edit;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.Commit;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start 2027-01-04, as of 2027-05-14: the months looked at are 2026-12 to 2027-05. */
class RoadmapChurnRuleTest {

  private static final String RULE = "roadmap-churn";
  private static final String[] RENAME = {"name: Build Foundations", "name: Foundations"};
  private static final String[] TARGET = {
    "operator: \">\"\n            target: 99", "operator: \">\"\n            target: 98"
  };
  private static final String[] MONTHS = {"months: [10, 18]", "months: [11, 18]"};
  private static final String[] PROGRESS = {
    "due: 2027-06-18\n          status: in-progress", "due: 2027-06-18\n          status: planned"
  };

  @TempDir Path dir;

  private Path roadmap;
  private String now;

  @BeforeEach
  void copyExample() {
    roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    now = Fixtures.read(roadmap);
  }

  /** The example with the given plan changes not made yet. */
  private String before(String[]... changes) {
    String text = now;
    for (String[] c : changes) {
      text = edit(text, c[0], c[1]);
    }
    return text;
  }

  /** The commits of the three months in which the plan changed outside the windows. */
  private record PlanChanges(Commit february, Commit march, Commit may) {}

  /**
   * The example's roadmap first committed on {@code first}; then a phase renamed on 10 February, a
   * gate's target raised on 15 March, a phase's months moved on 2 May, and a milestone's progress
   * on 10 May, which leaves the file as it is now.
   */
  private PlanChanges changedInFebruaryMarchAndMay(FakeHistory history, String first) {
    history.change("roadmap.yaml", first, before(RENAME, TARGET, MONTHS, PROGRESS));
    Commit february =
        history.change("roadmap.yaml", "2027-02-10", before(TARGET, MONTHS, PROGRESS));
    Commit march = history.change("roadmap.yaml", "2027-03-15", before(MONTHS, PROGRESS));
    Commit may = history.change("roadmap.yaml", "2027-05-02", before(PROGRESS));
    history.change("roadmap.yaml", "2027-05-10", now);
    return new PlanChanges(february, march, may);
  }

  @Test
  void shouldReportPlanChangesInThreeMonthsOutsideTheWindows() {
    FakeHistory history = FakeHistory.complete();
    PlanChanges changes = changedInFebruaryMarchAndMay(history, "2026-11-20");
    Position phases = Fixtures.positionOf(roadmap, "- id: phase-assess-stabilise");

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile("roadmap.yaml")
        .at(phases.line(), phases.column())
        .withPath("/spec/phases")
        .withMessageContaining("changed in 3 of the last 6 months outside the semi-annual")
        .withMessageContaining(
            "2027-02 ("
                + changes.february().shortId()
                + " 2027-02-10: phase phase-build-foundations renamed 'Foundations' → 'Build"
                + " Foundations')")
        .withMessageContaining(
            "2027-03 ("
                + changes.march().shortId()
                + " 2027-03-15: gate gate-build-foundations criterion gc-p2-pipeline-sla metric"
                + " data-pipeline-sla-pct > 98 → metric data-pipeline-sla-pct > 99)")
        .withMessageContaining(
            "2027-05 ("
                + changes.may().shortId()
                + " 2027-05-02: phase phase-scale-optimise months [11, 18]"
                + " → [10, 18])")
        .withHintContaining("next update window (2027-07-04 to 2027-08-03)")
        .hasCount(1);
  }

  @Test
  void shouldSayAtLeastWhenTheHistoryStartsInsideTheSixMonths() {
    // A shallow clone whose oldest commit is from 20 January: December and early January are
    // not there, so the months counted are a lower bound (issue 16).
    FakeHistory history = FakeHistory.limited("shallow clone: history starts at commit c000001");
    changedInFebruaryMarchAndMay(history, "2027-01-20");

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .containsRule(RULE)
        .withMessageContaining("changed in at least 3 of the last 6 months")
        .withMessageContaining("(history before 20 January 2027 not available)")
        .hasCount(1);
  }

  @Test
  void shouldNotSayAtLeastWhenTheHistoryCoversTheSixMonths() {
    FakeHistory history = FakeHistory.limited("shallow clone: history starts at commit c000001");
    changedInFebruaryMarchAndMay(history, "2026-11-20");

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .containsRule(RULE)
        .withMessageContaining("changed in 3 of the last 6 months")
        .withMessageNotContaining("at least")
        .hasCount(1);
  }

  @Test
  void shouldNotCountChangesInsideTheFirstUpdateWindow() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2026-11-20", before(RENAME, TARGET, MONTHS));
    history.change("roadmap.yaml", "2027-02-03", before(TARGET, MONTHS));
    history.change("roadmap.yaml", "2027-03-15", before(MONTHS));
    history.change("roadmap.yaml", "2027-05-02", now);

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldNotCountProgressUpdates() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-01-05", before(TARGET, MONTHS, PROGRESS));
    history.change("roadmap.yaml", "2027-02-10", before(MONTHS, PROGRESS));
    history.change("roadmap.yaml", "2027-03-15", before(PROGRESS));
    history.change("roadmap.yaml", "2027-04-15", edit(now, "status: passed", "status: pending"));
    history.change("roadmap.yaml", "2027-05-02", now);

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldNotCountMonthsBeforeTheLastSix() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2026-10-01", before(RENAME, TARGET, MONTHS));
    history.change("roadmap.yaml", "2026-11-10", before(TARGET, MONTHS));
    history.change("roadmap.yaml", "2027-03-15", before(MONTHS));
    history.change("roadmap.yaml", "2027-05-02", now);

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldStaySilentWithoutHistory() {
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }
}
