package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code duplicate-id}. */
class DuplicateIdTest extends CoreFixture {

  @Test
  void shouldReportTheSecondMilestoneWithTheSameId() {
    Path roadmap = example().resolve(ROADMAP);
    Position first = Fixtures.positionOf(roadmap, "id: ms-readiness-scorecard");
    Position second = Fixtures.positionOf(roadmap, "id: ms-cost-per-inference-baseline");
    Fixtures.replaceOnce(
        roadmap, "id: ms-cost-per-inference-baseline", "id: ms-readiness-scorecard");

    assertThat(Fixtures.only("duplicate-id").validate(repo))
        .containsRule("duplicate-id")
        .inFile(ROADMAP)
        .at(second.line(), second.column() + 4)
        .withPath("/spec/phases/0/milestones/1/id")
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "already used at " + ROADMAP + ":" + first.line() + ":" + (first.column() + 4))
        .hasCount(1);
  }

  @Test
  void shouldReportTwoDocumentsOfOneKindWithTheSameId() throws IOException {
    example();
    Files.copy(repo.resolve(FAQ_BOT), repo.resolve("use-cases/z-copy.yaml"));
    Position id = Fixtures.positionOf(repo.resolve(FAQ_BOT), "uc-legacy-faq-chatbot");

    assertThat(Fixtures.only("duplicate-id").validate(repo))
        .containsRule("duplicate-id")
        .inFile("use-cases/z-copy.yaml")
        .at(id.line(), id.column())
        .withPath("/metadata/id")
        .withMessageContaining(FAQ_BOT)
        .hasCount(1);
  }

  @Test
  void shouldAcceptTheSameIdInDifferentKinds() {
    Path roadmap = example().resolve(ROADMAP);
    // A milestone may share its id with a use case: ids are unique per kind.
    Fixtures.replaceOnce(
        roadmap, "id: ms-cost-per-inference-baseline", "id: uc-legacy-faq-chatbot");

    assertThat(Fixtures.only("duplicate-id").validate(repo)).doesNotContainRule("duplicate-id");
  }

  @Test
  void shouldAcceptAReassessmentThatReRanksAnEarlierConstraint() {
    // The April re-assessment names c-data-quality (January, rank 4) again with rank 1.
    Path april = example().resolve(APRIL);
    assertThat(Fixtures.read(april)).contains("id: c-data-quality");

    assertThat(Fixtures.only("duplicate-id").validate(repo)).doesNotContainRule("duplicate-id");
  }

  @Test
  void shouldReportAConstraintIdNamedTwiceInOneAssessment() {
    Path april = example().resolve(APRIL);
    Fixtures.replaceOnce(april, "id: c-wan-headroom", "id: c-data-quality");
    Position second = Fixtures.positionOf(april, "id: c-data-quality\n      dimension: network");

    assertThat(Fixtures.only("duplicate-id").validate(repo))
        .containsRule("duplicate-id")
        .inFile(APRIL)
        .at(second.line(), second.column() + 4)
        .withMessageContaining("constraint id 'c-data-quality'")
        .hasCount(1);
  }

  @Test
  void shouldReportAConstraintIdReusedForAnotherDimension() {
    Path april = example().resolve(APRIL);
    Fixtures.replaceOnce(april, "id: c-wan-headroom", "id: c-idle-gpus");
    Position reused = Fixtures.positionOf(april, "id: c-idle-gpus");

    assertThat(Fixtures.only("duplicate-id").validate(repo))
        .containsRule("duplicate-id")
        .inFile(APRIL)
        .at(reused.line(), reused.column() + 4)
        .hasCount(1);
  }
}
