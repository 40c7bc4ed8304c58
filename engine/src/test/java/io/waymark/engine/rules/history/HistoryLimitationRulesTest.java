package io.waymark.engine.rules.history;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.History;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history-shallow and history-unavailable: one info finding each, never more. */
class HistoryLimitationRulesTest {

  @TempDir Path dir;

  @Test
  void shouldSayOnceThatAShallowCloneLimitedTheHistoryRules() {
    Fixtures.copyExample(dir);
    FakeHistory history =
        FakeHistory.limited("shallow clone: history before commit 1a2b3c4 is not available");
    history.change("roadmap.yaml", "2027-05-02", Fixtures.read(dir.resolve("roadmap.yaml")));

    assertThat(HistoryFixtures.validate(Fixtures.only("history-shallow"), dir, history))
        .containsRule("history-shallow")
        .withSeverity(Severity.INFO)
        .inFile("roadmap.yaml")
        .at(1, 1)
        .withMessageContaining("shallow clone: history before commit 1a2b3c4 is not available")
        .withMessageContaining("used only what is there (1 commit of the roadmap)")
        .withHintContaining("git fetch --unshallow")
        .withHintContaining("Shallow clone")
        .hasCount(1);
    assertThat(HistoryFixtures.validate(Fixtures.only("history-unavailable"), dir, history))
        .doesNotContainRule("history-unavailable");
  }

  @Test
  void shouldSayOnceThatHistoryRulesWereSkippedWithoutGit() {
    Fixtures.copyExample(dir);

    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-unavailable"), dir, History.none("not a Git repository")))
        .containsRule("history-unavailable")
        .withSeverity(Severity.INFO)
        .inFile("roadmap.yaml")
        .at(1, 1)
        .withMessageContaining("no Git history (not a Git repository)")
        .withMessageContaining("were skipped")
        .hasCount(1);
    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-shallow", "milestone-slipping", "roadmap-churn"),
                dir,
                History.none("not a Git repository")))
        .doesNotContainRule("history-shallow")
        .doesNotContainRule("milestone-slipping")
        .doesNotContainRule("roadmap-churn");
  }

  /**
   * The hint fits why there is no history: a repository whose HEAD commit is missing (a truncated
   * pack, a damaged clone) is repaired, not cloned "instead of copied"; a repository without a
   * commit yet gets its history with the first commit.
   */
  @Test
  void shouldHintAtTheRemedyForWhyThereIsNoHistory() {
    Fixtures.copyExample(dir);

    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-unavailable"),
                dir,
                History.none(
                    "unknown revision 'HEAD' in /repo: commit"
                        + " 117197e801306f7329ef5df06ede16e8904c5fb7 is missing")))
        .containsRule("history-unavailable")
        .withHintContaining("git fsck")
        .hasCount(1);
    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-unavailable"),
                dir,
                History.none("the Git repository cannot be read: Short compressed stream")))
        .containsRule("history-unavailable")
        .withHintContaining("git fsck")
        .hasCount(1);
    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-unavailable"),
                dir,
                History.none("the Git repository has no commits yet")))
        .containsRule("history-unavailable")
        .withHintContaining("first commit")
        .hasCount(1);
    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-unavailable"),
                dir,
                History.none(
                    "the Git repository uses SHA-256 object names (extensions.objectFormat),"
                        + " which Waymark's Git library does not read yet")))
        .containsRule("history-unavailable")
        .withHintContaining("SHA-1 object names only")
        .hasCount(1);
  }

  @Test
  void shouldStaySilentWhenHistoryWasNotRequested() {
    Fixtures.copyExample(dir);

    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-unavailable", "history-shallow"),
                dir,
                History.notRequested()))
        .doesNotContainRule("history-unavailable")
        .doesNotContainRule("history-shallow");
  }

  @Test
  void shouldStaySilentWithACompleteHistory() {
    Fixtures.copyExample(dir);
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-05-02", Fixtures.read(dir.resolve("roadmap.yaml")));

    assertThat(
            HistoryFixtures.validate(
                Fixtures.only(
                    "history-unavailable",
                    "history-shallow",
                    "milestone-slipping",
                    "roadmap-churn"),
                dir,
                history))
        .doesNotContainRule("history-unavailable")
        .doesNotContainRule("history-shallow")
        .doesNotContainRule("milestone-slipping")
        .doesNotContainRule("roadmap-churn");
  }

  @Test
  void shouldNotReportWithoutARoadmap() {
    Fixtures.write(dir, "notes.yaml", "a: 1\n");

    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-unavailable"), dir, History.none("not a Git repository")))
        .doesNotContainRule("history-unavailable");
  }

  /**
   * What a shallow clone leaves unanswered: the re-plans of the open milestones (10 of the
   * example's 16; the closed ones are not asked about), the first five named, and the churn of the
   * six months before the as-of date.
   */
  @Test
  void shouldNameTheOpenMilestonesAndTheChurnWindowAShallowCloneCannotJudge() {
    assertThat(shallow())
        .containsRule("history-shallow")
        .withMessageContaining(
            "it cannot tell the re-plans before 2 May 2027 of 10 open milestones"
                + " (ms-priority-etl-wave-1, ms-training-cohort-1, ms-agent-orchestration-live,"
                + " ms-knowledge-layer-production, ms-autoscaling-live and 5 more) for"
                + " milestone-slipping; nor the plan changes between 1 December 2026 and"
                + " 2 May 2027 for roadmap-churn;");
  }

  /**
   * actuals-stale counts from the day an initiative joined the roadmap, which a shallow clone whose
   * one commit already holds the example's five initiatives in progress cannot tell; the rules
   * named at the end are the same that ask the questions.
   */
  @Test
  void shouldNameTheInitiativesWhoseArrivalAShallowCloneCannotTell() {
    assertThat(shallow())
        .containsRule("history-shallow")
        .withMessageContaining(
            " for roadmap-churn; nor when 5 initiatives in progress (i-priority-etl-rollout,"
                + " i-mlops-upskilling, i-knowledge-layer, i-agent-orchestration,"
                + " i-agentic-dispatch-pilot) joined the roadmap, for actuals-stale;"
                + " milestone-slipping, roadmap-churn and actuals-stale used only what is there"
                + " (1 commit of the roadmap)")
        .hasCount(1);
  }

  /** A roadmap that records no spend is not asked by actuals-stale: nothing to tell for it. */
  @Test
  void shouldAskNoArrivalsOfARoadmapThatRecordsNoSpend() {
    Path repo = Fixtures.copyExample(dir.resolve("no-spend"));
    String roadmap =
        Fixtures.read(repo.resolve("roadmap.yaml"))
            .replaceAll("(?m)^ *actuals:\\n", "")
            .replaceAll("(?m)^ *- \\{date: [0-9-]+, amount: .*\\n", "");
    Fixtures.write(repo, "roadmap.yaml", roadmap);
    FakeHistory history =
        FakeHistory.limited("shallow clone: history before commit 1a2b3c4 is not available");
    history.change("roadmap.yaml", "2027-05-02", roadmap);

    assertThat(HistoryFixtures.validate(Fixtures.only("history-shallow"), repo, history))
        .containsRule("history-shallow")
        .withMessageContaining("for roadmap-churn; milestone-slipping, roadmap-churn and")
        .withMessageNotContaining("joined the roadmap")
        .hasCount(1);
  }

  /** Without Git, actuals-stale is not skipped: it counts without the day an initiative joined. */
  @Test
  void shouldSayWhatEachHistoryRuleDidWithoutGit() {
    Fixtures.copyExample(dir);

    assertThat(
            HistoryFixtures.validate(
                Fixtures.only("history-unavailable"), dir, History.none("not a Git repository")))
        .containsRule("history-unavailable")
        .withMessageContaining(
            "no Git history (not a Git repository): milestone-slipping and roadmap-churn were"
                + " skipped, and actuals-stale counted the initiatives' days without the day each"
                + " joined the roadmap")
        .hasCount(1);
  }

  /** Five open milestones are all named; one is one "open milestone". */
  @Test
  void shouldNameUpToFiveOpenMilestones() {
    String five = "2027-12-10 2028-02-25 2028-03-17 2028-05-26 2028-06-23";
    assertThat(shallow(five.split(" ")))
        .withMessageContaining(
            "of 5 open milestones (ms-priority-etl-wave-1, ms-training-cohort-1,"
                + " ms-agent-orchestration-live, ms-knowledge-layer-production,"
                + " ms-autoscaling-live) for milestone-slipping");
    assertThat(shallow((five + " 2027-06-25 2027-08-27 2027-09-24 2027-11-12").split(" ")))
        .withMessageContaining("of 1 open milestone (ms-priority-etl-wave-1) for");
  }

  /**
   * history-shallow on the example roadmap with the milestones due on {@code doneOn} marked done,
   * as one commit of a shallow clone dated 2 May 2027.
   */
  private io.waymark.engine.ValidationResult shallow(String... doneOn) {
    Path repo = Fixtures.copyExample(dir.resolve("done-" + doneOn.length));
    String roadmap = Fixtures.read(repo.resolve("roadmap.yaml"));
    for (String due : doneOn) {
      roadmap =
          due.equals("2027-06-25")
              ? HistoryFixtures.edit(roadmap, "status: at-risk", "status: done")
              : HistoryFixtures.edit(
                  roadmap,
                  "due: " + due + "\n          status: planned",
                  "due: " + due + "\n          status: done");
    }
    Fixtures.write(repo, "roadmap.yaml", roadmap);
    FakeHistory history =
        FakeHistory.limited("shallow clone: history before commit 1a2b3c4 is not available");
    history.change("roadmap.yaml", "2027-05-02", roadmap);
    return HistoryFixtures.validate(Fixtures.only("history-shallow"), repo, history);
  }
}
