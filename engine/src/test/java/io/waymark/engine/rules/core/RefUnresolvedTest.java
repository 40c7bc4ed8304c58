package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.history.FakeHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code ref-unresolved}. */
class RefUnresolvedTest extends CoreFixture {

  @Test
  void shouldReportABusinessCaseThatDoesNotExist() {
    Path roadmap = example().resolve(ROADMAP);
    Position at = Fixtures.positionOf(roadmap, "bc-pipeline-automation");
    Fixtures.replaceOnce(roadmap, "bc-pipeline-automation", "bc-pipeline-automaton");

    assertThat(Fixtures.only("ref-unresolved").validate(repo))
        .containsRule("ref-unresolved")
        .inFile(ROADMAP)
        .at(at.line(), at.column())
        .withPath("/spec/phases/0/initiatives/0/businessCase")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("'bc-pipeline-automaton'")
        .withHintContaining("Did you mean 'bc-pipeline-automation'?")
        .hasCount(1);
  }

  @Test
  void shouldReportAMetricOfAUseCaseThatDoesNotExist() {
    Path faq = example().resolve(FAQ_BOT);
    Position at = Fixtures.positionOf(faq, "pilot-to-production-pct");
    Fixtures.replaceOnce(faq, "pilot-to-production-pct", "pilot-2-production");

    assertThat(Fixtures.only("ref-unresolved").validate(repo))
        .containsRule("ref-unresolved")
        .inFile(FAQ_BOT)
        .at(at.line(), at.column())
        .withPath("/spec/metrics/0")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAReferenceToAnExistingBusinessCase() {
    Path roadmap = example().resolve(ROADMAP);
    // Point the first initiative at another business case that exists.
    Fixtures.replaceOnce(
        roadmap, "businessCase: bc-pipeline-automation", "businessCase: bc-data-foundations");

    assertThat(Fixtures.only("ref-unresolved").validate(repo)).doesNotContainRule("ref-unresolved");
  }

  /**
   * A decision is a record of the past: the one that stopped an initiative names it after the
   * initiative left the roadmap. Git shows it was there, so the reference is not dangling; an id no
   * version of the roadmap had still is, and so is any unknown id where the history cannot tell.
   */
  @Test
  void shouldAcceptADecisionNamingAnInitiativeRemovedSinceAsGitShows() throws IOException {
    Path root = example();
    Path roadmap = root.resolve(ROADMAP);
    String now = Files.readString(roadmap, StandardCharsets.UTF_8);
    String then =
        now.replaceFirst(
            "        - id: i-automate-core-pipelines\n",
            "        - id: i-stopped-experiment\n          title: An experiment stopped in January\n"
                + "          category: experimentation\n          impact: 2\n          effort: 2\n"
                + "          budget: 10000\n        - id: i-automate-core-pipelines\n");
    Fixtures.replaceOnce(
        root.resolve(GOVERNANCE),
        "relatesTo: [c-idle-gpus, assessment-2027-01]",
        "relatesTo: [c-idle-gpus, assessment-2027-01, i-stopped-experiment, i-never-planned]");
    FakeHistory git = FakeHistory.complete();
    git.change(ROADMAP, "2027-01-04", then);
    git.change(ROADMAP, "2027-02-01", now);

    ValidationResult withGit =
        Fixtures.only("ref-unresolved")
            .validate(repo, ValidationOptions.defaults().withAsOf(Fixtures.AS_OF).withHistory(git));
    assertThat(withGit)
        .containsRule("ref-unresolved")
        .withMessageContaining("'i-never-planned'")
        .withHintContaining("no version of the roadmap in the Git history has it either")
        .hasCount(1);

    assertThat(Fixtures.only("ref-unresolved").validate(repo))
        .containsRule("ref-unresolved")
        .withHintContaining("without the Git history (")
        .withHintContaining(") Waymark cannot tell whether it was.")
        .hasCount(2);
  }
}
