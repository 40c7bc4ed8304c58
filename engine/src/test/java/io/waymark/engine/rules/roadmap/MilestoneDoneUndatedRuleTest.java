package io.waymark.engine.rules.roadmap;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.fix.FixPlan;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.History;
import io.waymark.engine.rules.history.FakeHistory;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A done milestone without {@code completedOn}: always a finding; the date of the commit that first
 * marked it done, when the history has one, in the hint and in the fix.
 */
class MilestoneDoneUndatedRuleTest {

  private static final String RULE = "milestone-done-undated";
  private static final String DATED = "          status: done\n          completedOn: 2027-04-21\n";
  private static final String UNDATED = "          status: done\n";
  private static final String IN_PROGRESS = "          status: in-progress\n";
  private static final String VECTOR_DB = "        - id: ms-vector-db-pilot-tier\n";

  @TempDir Path dir;

  private Path roadmap;
  private String example;

  @BeforeEach
  void copyExample() {
    roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    example = Fixtures.read(roadmap);
  }

  /** The example with the vector database milestone's status part replaced by {@code part}. */
  private String withVectorDb(String part) {
    int at = example.indexOf(VECTOR_DB);
    int from = example.indexOf(DATED, at);
    return example.substring(0, from) + part + example.substring(from + DATED.length());
  }

  private ValidationResult validate(History history) {
    return Fixtures.only(RULE)
        .validate(dir, ValidationOptions.defaults().withAsOf(Fixtures.AS_OF).withHistory(history));
  }

  private FixPlan fixes(ValidationResult result) {
    return result.fixes(f -> Optional.of(Fixtures.read(dir.resolve(f))));
  }

  @Test
  void shouldNameTheDateOfTheCommitThatMarkedItDoneAndFixItByteForByte() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-03-01", withVectorDb(IN_PROGRESS));
    Commit done = history.change("roadmap.yaml", "2027-04-21", withVectorDb(UNDATED));
    history.change("roadmap.yaml", "2027-05-03", withVectorDb(UNDATED));
    Fixtures.write(dir, "roadmap.yaml", withVectorDb(UNDATED));
    Position status = Fixtures.positionOf(roadmap, VECTOR_DB + "          title");

    ValidationResult result = validate(history);

    assertThat(result)
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile("roadmap.yaml")
        .withMessageContaining("milestone 'ms-vector-db-pilot-tier' is done but has no completedOn")
        .hasCount(1);
    Finding finding = result.findings().get(0);
    assertThat(finding.line()).as("the status line").isEqualTo(status.line() + 3);
    assertThat(finding.hint())
        .startsWith(
            "Add completedOn: 2027-04-21 below its status: commit "
                + done.shortId()
                + " of that day first marked it done.");
    FixPlan plan = fixes(result);
    assertThat(plan.fixes())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.description())
                    .isEqualTo(
                        "add completedOn: 2027-04-21 to done milestone 'ms-vector-db-pilot-tier' (the date"
                            + " of the commit that first marked it done)"));
    assertThat(plan.apply("roadmap.yaml", Fixtures.read(roadmap))).isEqualTo(example);
  }

  @Test
  void shouldAskAPersonForTheDateWithoutHistory() {
    Fixtures.write(dir, "roadmap.yaml", withVectorDb(UNDATED));

    ValidationResult result = validate(History.none("not a Git repository"));

    assertThat(result)
        .containsRule(RULE)
        .withMessageContaining("'ms-vector-db-pilot-tier'")
        .hasCount(1);
    assertThat(result.findings().get(0).hint())
        .isEqualTo(
            "Add completedOn with the day it was delivered: there is no Git history of the"
                + " roadmap to read it from.");
    assertThat(fixes(result).fixes()).isEmpty();
    assertThat(fixes(result).skipped()).isEmpty();
  }

  @Test
  void shouldGiveNoDateWhenTheHistoryNeverShowsItBecomingDone() {
    // Done from its first commit on: when it was delivered is not in the history.
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-03-01", withVectorDb(UNDATED));
    Fixtures.write(dir, "roadmap.yaml", withVectorDb(UNDATED));

    ValidationResult result = validate(history);

    assertThat(result).containsRule(RULE).hasCount(1);
    assertThat(result.findings().get(0).hint())
        .endsWith("the Git history shows no commit that marked it done.");
    assertThat(fixes(result).fixes()).isEmpty();
  }

  @Test
  void shouldGiveNoDateWhenItIsMarkedDoneOnlyInUncommittedChanges() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-03-01", withVectorDb(IN_PROGRESS));
    Fixtures.write(dir, "roadmap.yaml", withVectorDb(UNDATED));

    ValidationResult result = validate(history);

    assertThat(result).containsRule(RULE).hasCount(1);
    assertThat(fixes(result).fixes()).isEmpty();
  }

  @Test
  void shouldTakeTheFirstCommitThatMarkedItDone() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-03-01", withVectorDb(IN_PROGRESS));
    history.change("roadmap.yaml", "2027-04-19", withVectorDb(UNDATED));
    history.change("roadmap.yaml", "2027-04-20", withVectorDb(IN_PROGRESS));
    history.change("roadmap.yaml", "2027-04-21", withVectorDb(UNDATED));
    Fixtures.write(dir, "roadmap.yaml", withVectorDb(UNDATED));

    assertThat(validate(history).findings().get(0).hint())
        .startsWith("Add completedOn: 2027-04-19 ");
  }

  @Test
  void shouldAcceptDoneMilestonesWithTheirDatesAndOpenOnesWithout() {
    FakeHistory history = FakeHistory.complete();
    history.change("roadmap.yaml", "2027-03-01", example);

    assertThat(validate(history)).doesNotContainRule(RULE);
  }
}
