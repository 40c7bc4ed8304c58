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
}
