package io.waymark.engine.rules.history;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.history.HistoryFixtures.edit;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.analysis.RoadmapStates;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.Commit;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MilestoneSlippingRuleTest {

  private static final String RULE = "milestone-slipping";

  @TempDir Path dir;

  private Path roadmap;
  private String now;

  @BeforeEach
  void copyExample() {
    roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    now = Fixtures.read(roadmap);
  }

  @Test
  void shouldReportAMilestoneMovedLaterTwiceWithEachCommitAndDate() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-01-05", edit(now, "due: 2027-06-18", "due: 2027-05-28"));
    Commit second =
        history.change(
            "roadmap.yaml", "2027-03-10", edit(now, "due: 2027-06-18", "due: 2027-06-04"));
    Commit third = history.change("roadmap.yaml", "2027-04-20", now);
    Position due = Fixtures.positionOf(roadmap, "due: 2027-06-18");

    ValidationResult result = HistoryFixtures.validate(Fixtures.only(RULE), dir, history);

    assertThat(result)
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile("roadmap.yaml")
        .at(due.line(), due.column() + "due: ".length())
        .withPath("/spec/phases/1/milestones/2/due")
        .withMessageContaining(
            "milestone 'ms-priority-etl-wave-1' slipped 2 times: 2027-05-28 → 2027-06-04 in "
                + second.shortId()
                + " (2027-03-10), 2027-06-04 → 2027-06-18 in "
                + third.shortId()
                + " (2027-04-20) (21 days later than first planned)")
        .hasCount(1);
  }

  @Test
  void shouldCountAnUncommittedMoveAsTheLastOne() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-01-05", edit(now, "due: 2027-06-18", "due: 2027-05-28"));
    history.change("roadmap.yaml", "2027-03-10", edit(now, "due: 2027-06-18", "due: 2027-06-04"));

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .containsRule(RULE)
        .withMessageContaining("2027-06-04 → 2027-06-18 in the working tree")
        .hasCount(1);
  }

  @Test
  void shouldAcceptOneSlipAndMovesEarlier() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-01-05", edit(now, "due: 2027-06-18", "due: 2027-06-04"));
    history.change("roadmap.yaml", "2027-02-05", edit(now, "due: 2027-06-18", "due: 2027-07-30"));
    history.change("roadmap.yaml", "2027-03-05", now);

    ValidationResult result = HistoryFixtures.validate(Fixtures.only(RULE), dir, history);

    assertThat(result).doesNotContainRule(RULE);
    assertThat(
            MilestoneSlips.of(RoadmapStates.of(planHistoryOf(result, history), plan(result)))
                .stream()
                .filter(h -> h.milestone().id().equals("ms-priority-etl-wave-1"))
                .findFirst()
                .orElseThrow()
                .moves())
        .hasSize(2);
  }

  @Test
  void shouldNotReportAClosedMilestone() {
    // ms-vector-db-pilot-tier is done; two slips in the past are history, not a warning.
    String done = now;
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-01-05", edit(done, "due: 2027-04-23", "due: 2027-04-02"));
    history.change("roadmap.yaml", "2027-02-05", edit(done, "due: 2027-04-23", "due: 2027-04-09"));
    history.change("roadmap.yaml", "2027-03-05", done);

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldSkipUnreadableOldVersionsCommitsWithoutTheMilestoneAndMerges() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2026-12-01", "spec: [unclosed\n");
    history.change(
        "roadmap.yaml",
        "2027-01-05",
        edit(now, "id: ms-priority-etl-wave-1", "id: ms-priority-etl-wave-0"));
    history.change("roadmap.yaml", "2027-01-20", edit(now, "due: 2027-06-18", "due: 2027-05-28"));
    history.change("roadmap.yaml", "2027-02-01", "apiVersion: waymark/v1\nkind: Metrics\n");
    history.change(
        "roadmap.yaml",
        "roadmap.yaml",
        "2027-03-10",
        edit(now, "due: 2027-06-18", "due: 2027-06-04"),
        2);
    history.change("roadmap.yaml", "2027-04-20", now);

    ValidationResult result = HistoryFixtures.validate(Fixtures.only(RULE), dir, history);

    assertThat(result).doesNotContainRule(Validator.RULE_FAILED);
    assertThat(result)
        .containsRule(RULE)
        .withMessageContaining("slipped 2 times: 2027-05-28 → 2027-06-04")
        .hasCount(1);
    assertThat(planHistoryOf(result, history).notes())
        .anyMatch(n -> n.contains("unreadable YAML"))
        .anyMatch(n -> n.contains("no Roadmap document"));
  }

  @Test
  void shouldFollowARenamedRoadmapFile() {
    FakeHistory history = FakeHistory.complete();
    history.change(
        "roadmap.yaml",
        "plan/ai-roadmap.yaml",
        "2027-01-05",
        edit(now, "due: 2027-06-18", "due: 2027-05-28"),
        1);
    history.change(
        "roadmap.yaml",
        "plan/ai-roadmap.yaml",
        "2027-03-10",
        edit(now, "due: 2027-06-18", "due: 2027-06-04"),
        1);
    history.change("roadmap.yaml", "2027-04-20", now);

    assertThat(HistoryFixtures.validate(Fixtures.only(RULE), dir, history))
        .containsRule(RULE)
        .hasCount(1);
  }

  @Test
  void shouldStaySilentWithoutHistory() {
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  static io.waymark.engine.history.PlanHistory planHistoryOf(
      ValidationResult result, io.waymark.engine.history.History history) {
    return io.waymark.engine.history.PlanHistory.read(
        history, result.load().documents(), result.load().config().limits());
  }

  static io.waymark.engine.model.Roadmap plan(ValidationResult result) {
    return result.plan().roadmap().orElseThrow();
  }
}
