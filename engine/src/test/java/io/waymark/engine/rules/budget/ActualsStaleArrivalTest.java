package io.waymark.engine.rules.budget;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.History;
import io.waymark.engine.rules.history.FakeHistory;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * actuals-stale counts an initiative's days from no earlier than the day it joined the roadmap,
 * which only the Git history tells. The example's phase 'phase-build-foundations' starts on
 * 2027-04-04; its initiative i-mlops-upskilling is made to record no actuals (or one of
 * 2027-03-31), and older commits hold the roadmap without it. The other initiatives of the phase
 * record actuals up to 2027-04-30, so they are not stale before 2027-06-15.
 */
class ActualsStaleArrivalTest {

  private static final String RULE = "actuals-stale";
  private static final String FILE = "roadmap.yaml";
  private static final String MLOPS = "        - id: i-mlops-upskilling\n";
  private static final String MLOPS_PATH = "/spec/phases/1/initiatives/1";
  private static final String HINT =
      "Add the latest figure from the finance export to its 'actuals'.";

  @TempDir Path dir;

  /** The roadmap being validated: i-mlops-upskilling without actuals. */
  private String now;

  /** An older roadmap: the same without i-mlops-upskilling (its id was another one then). */
  private String without;

  @BeforeEach
  void copyExample() {
    Path file = Fixtures.copyExample(dir).resolve(FILE);
    Fixtures.replaceOnce(
        file,
        "            - {date: 2027-04-30, amount: 22000, source: finance-export-2027-04}\n",
        "");
    Fixtures.replaceOnce(
        file,
        "          businessCase: bc-mlops-skills\n          actuals:\n",
        "          businessCase: bc-mlops-skills\n");
    now = Fixtures.read(file);
    without = now.replace(MLOPS, "        - id: i-mlops-draft\n");
    assertThat(without).isNotEqualTo(now);
  }

  private ValidationResult validate(History history, String asOf) {
    return Fixtures.only(RULE)
        .validate(
            dir, ValidationOptions.defaults().withAsOf(LocalDate.parse(asOf)).withHistory(history));
  }

  @Test
  void shouldGiveAnInitiativeAddedToARunningPhase45DaysFromItsFirstCommit() {
    FakeHistory history = FakeHistory.complete();
    history.change(FILE, "2027-01-05", without);
    Commit added = history.change(FILE, "2027-04-20", now);
    history.change(FILE, "2027-05-10", now);

    // 61 days after the phase's start, 45 after the initiative joined: not stale yet.
    assertThat(validate(history, "2027-06-04")).doesNotContainRule(RULE);

    assertThat(validate(history, "2027-06-05"))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(FILE)
        .withPath(MLOPS_PATH)
        .withMessageContaining(
            "initiative 'i-mlops-upskilling' is in progress (phase 'phase-build-foundations')"
                + " but it records no actual spend in the 46 days from its addition to the"
                + " roadmap in commit "
                + added.shortId()
                + " on 2027-04-20 to 2027-06-05 (more than 45 days)");
    assertThat(validate(history, "2027-06-05").findings().get(0).hint()).isEqualTo(HINT);
  }

  @Test
  void shouldCountAnInitiativeThereBeforeThePhaseFromThePhasesStart() {
    FakeHistory history = FakeHistory.complete();
    history.change(FILE, "2027-01-05", now);
    history.change(FILE, "2027-04-20", now);

    assertThat(validate(history, "2027-05-19")).doesNotContainRule(RULE);

    ValidationResult result = validate(history, "2027-05-20");
    assertThat(result)
        .containsRule(RULE)
        .hasCount(1)
        .withPath(MLOPS_PATH)
        .withMessageContaining(
            "initiative 'i-mlops-upskilling' is in progress (phase 'phase-build-foundations')"
                + " but it records no actual spend in the 46 days from the phase's start on"
                + " 2027-04-04 to 2027-05-20 (more than 45 days)");
    // Known to be there all along: nothing to doubt in the hint.
    assertThat(result.findings().get(0).hint()).isEqualTo(HINT);
  }

  @Test
  void shouldCountFromThePhasesStartWhenItJoinedThatDay() {
    FakeHistory history = FakeHistory.complete();
    history.change(FILE, "2027-01-05", without);
    history.change(FILE, "2027-04-04", now);

    ValidationResult result = validate(history, "2027-05-20");
    assertThat(result)
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("46 days from the phase's start on 2027-04-04 to 2027-05-20");
    assertThat(result.findings().get(0).hint()).isEqualTo(HINT);
  }

  @Test
  void shouldKeepCountingFromThePhasesStartWithoutGitAndSaySo() {
    assertThat(validate(History.none("not a Git repository"), "2027-05-19"))
        .doesNotContainRule(RULE);

    ValidationResult result = validate(History.none("not a Git repository"), "2027-05-20");
    assertThat(result)
        .containsRule(RULE)
        .hasCount(1)
        .withPath(MLOPS_PATH)
        .withMessageContaining(
            "but it records no actual spend in the 46 days from the phase's start on 2027-04-04"
                + " to 2027-05-20 (more than 45 days)");
    assertThat(result.findings().get(0).hint())
        .isEqualTo(
            HINT
                + " When it joined the roadmap is unknown (not a Git repository), so the days are"
                + " counted from the phase's start; an initiative added later is given 45 days"
                + " from the first commit that holds it.");

    // The engine as a library, without asking for history: the same finding.
    assertThat(Fixtures.only(RULE).validate(dir, LocalDate.of(2027, 5, 20)))
        .containsRule(RULE)
        .hasCount(1)
        .withHintContaining("When it joined the roadmap is unknown (no Git history)");
  }

  @Test
  void shouldNotTrustAShallowHistoryThatHoldsTheInitiativeFromItsFirstCommit() {
    FakeHistory history = FakeHistory.limited("shallow clone: history starts at commit c000001");
    history.change(FILE, "2027-04-20", now);

    ValidationResult result = validate(history, "2027-05-20");
    assertThat(result)
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("46 days from the phase's start on 2027-04-04 to 2027-05-20");
    assertThat(result.findings().get(0).hint())
        .isEqualTo(
            HINT
                + " When it joined the roadmap is unknown (the history before 2027-04-20 is not"
                + " available: the history is shallow), so the days are counted from the phase's"
                + " start; an initiative added later is given 45 days from the first commit that"
                + " holds it.");
  }

  @Test
  void shouldTrustAShallowHistoryThatShowsTheInitiativeBeingAdded() {
    FakeHistory history = FakeHistory.limited("shallow clone: history starts at commit c000001");
    history.change(FILE, "2027-04-10", without);
    Commit added = history.change(FILE, "2027-04-20", now);

    assertThat(validate(history, "2027-06-04")).doesNotContainRule(RULE);
    assertThat(validate(history, "2027-06-05"))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining(
            "in the 46 days from its addition to the roadmap in commit "
                + added.shortId()
                + " on 2027-04-20");
  }

  @Test
  void shouldCountAnUncommittedInitiativeFromTheRoadmapsLatestCommit() {
    FakeHistory history = FakeHistory.complete();
    history.change(FILE, "2027-01-05", without);
    Commit latest = history.change(FILE, "2027-04-25", without);

    assertThat(validate(history, "2027-06-09")).doesNotContainRule(RULE);

    ValidationResult result = validate(history, "2027-06-10");
    assertThat(result)
        .containsRule(RULE)
        .hasCount(1)
        .withPath(MLOPS_PATH)
        .withMessageContaining(
            "but it records no actual spend in the 46 days from the roadmap's latest commit "
                + latest.shortId()
                + " on 2027-04-25 (it is added in changes not committed yet) to 2027-06-10 (more"
                + " than 45 days)");
    assertThat(result.findings().get(0).hint()).isEqualTo(HINT);
  }

  @Test
  void shouldSayWhenAnUncommittedInitiativeIsCountedFromThePhasesStart() {
    FakeHistory history = FakeHistory.complete();
    Commit latest = history.change(FILE, "2027-01-05", without);

    assertThat(validate(history, "2027-05-19")).doesNotContainRule(RULE);

    ValidationResult result = validate(history, "2027-05-20");
    assertThat(result)
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("46 days from the phase's start on 2027-04-04 to 2027-05-20");
    assertThat(result.findings().get(0).hint())
        .isEqualTo(
            HINT
                + " It is in no commit yet (it joined the roadmap after commit "
                + latest.shortId()
                + " on 2027-01-05), so the days are counted from the phase's start; an"
                + " initiative added later is given 45 days from the first commit that holds"
                + " it.");
  }

  @Test
  void shouldSayTheRoadmapHasNoReadableVersionInAHistoryWithoutIt() {
    FakeHistory history = FakeHistory.complete();
    history.change(FILE, "2027-01-05", "spec: [unclosed\n");

    assertThat(validate(history, "2027-05-20"))
        .containsRule(RULE)
        .hasCount(1)
        .withHintContaining(
            "When it joined the roadmap is unknown (the Git history holds no readable version of"
                + " the roadmap), so the days are counted from the phase's start");
  }

  @Test
  void shouldCountAnOldActualOfAnInitiativeAddedLaterFromItsFirstCommit() {
    String withOldActual =
        now.replace(
            "          businessCase: bc-mlops-skills\n",
            "          businessCase: bc-mlops-skills\n          actuals:\n"
                + "            - {date: 2027-03-31, amount: 22000}\n");
    Fixtures.write(dir, FILE, withOldActual);
    FakeHistory history = FakeHistory.complete();
    history.change(FILE, "2027-01-05", without);
    Commit added = history.change(FILE, "2027-04-20", withOldActual);

    assertThat(validate(history, "2027-06-04")).doesNotContainRule(RULE);

    ValidationResult result = validate(history, "2027-06-05");
    assertThat(result)
        .containsRule(RULE)
        .hasCount(1)
        .withPath(MLOPS_PATH + "/actuals")
        .withMessageContaining(
            "but its latest actual spend is from 2027-03-31, and it records none in the 46 days"
                + " from its addition to the roadmap in commit "
                + added.shortId()
                + " on 2027-04-20 to 2027-06-05 (more than 45 days)");
    assertThat(result.findings().get(0).hint()).isEqualTo(HINT);

    // Without history: counted from the actual, and the hint says why.
    assertThat(validate(History.none("not a Git repository"), "2027-05-16"))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("its latest actual spend is from 2027-03-31, 46 days before")
        .withHintContaining("so the days are counted from its latest actual;");
  }

  @Test
  void shouldCountALaterActualFromTheActual() {
    String withActual =
        now.replace(
            "          businessCase: bc-mlops-skills\n",
            "          businessCase: bc-mlops-skills\n          actuals:\n"
                + "            - {date: 2027-04-25, amount: 22000}\n");
    Fixtures.write(dir, FILE, withActual);
    FakeHistory history = FakeHistory.complete();
    history.change(FILE, "2027-01-05", without);
    history.change(FILE, "2027-04-20", withActual);

    assertThat(validate(history, "2027-06-09")).doesNotContainRule(RULE);
    assertThat(validate(history, "2027-06-10"))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining(
            "its latest actual spend is from 2027-04-25, 46 days before 2027-06-10 (more than 45"
                + " days)");
  }

  @Test
  void shouldReadTheHistoryOnlyForAnInitiativeStaleFromItsPhase() {
    FakeHistory history = FakeHistory.complete(); // holds no commit of the roadmap

    assertThat(validate(history, "2027-05-19")).doesNotContainRule(RULE);
    assertThat(history.reads()).isEmpty();

    assertThat(validate(history, "2027-05-20")).containsRule(RULE).hasCount(1);
    assertThat(history.reads()).containsOnlyOnce(FILE);
  }
}
