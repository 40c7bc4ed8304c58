package io.waymark.engine.rules.assessment;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstraintsUnaddressedRuleTest {

  private static final String RULE = "constraints-unaddressed";

  @TempDir Path dir;

  @Test
  void shouldReportATopThreeConstraintOfTheLatestAssessmentWithoutPhaseOneInitiative() {
    Path file = Fixtures.copyExample(dir).resolve("assessment/2027-04-assessment.yaml");
    Fixtures.replaceOnce(
        file, "dimension: network\n      rank: 4", "dimension: network\n      rank: 2");
    Position constraint = Fixtures.positionOf(file, "id: c-wan-headroom");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile("assessment/2027-04-assessment.yaml")
        .at(constraint.line(), constraint.column())
        .withMessageContaining("constraint c-wan-headroom (rank 2, network) of assessment-2027-04")
        .withMessageContaining(
            "current or next phase phase-build-foundations or phase-scale-optimise")
        .hasCount(1);
  }

  @Test
  void shouldJudgeAReassessmentAgainstTheCurrentPhaseNotTheFinishedFirstPhase() {
    Path root = Fixtures.copyExample(dir);
    Path roadmap = root.resolve("roadmap.yaml");
    // c-data-quality, re-ranked to 1 in April, is handled in phase 2 (current): no phase-1
    // initiative names it, and that is right once phase 1 is done.
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);

    // Moved to phase 3 (the next phase) it still counts; named by no phase at all, it does not.
    Fixtures.replaceOnce(roadmap, "constraint: c-data-quality", "constraint: SWAP");
    Fixtures.replaceOnce(roadmap, "constraint: c-peak-capacity", "constraint: c-data-quality");
    Fixtures.replaceOnce(roadmap, "constraint: SWAP", "constraint: c-peak-capacity");
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);

    Fixtures.replaceOnce(roadmap, "constraint: c-data-quality", "constraint: c-wan-headroom");
    Position constraint =
        Fixtures.positionOf(
            root.resolve("assessment/2027-04-assessment.yaml"), "id: c-data-quality");
    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile("assessment/2027-04-assessment.yaml")
        .at(constraint.line(), constraint.column())
        .withMessageContaining("constraint c-data-quality (rank 1, data) of assessment-2027-04")
        .hasCount(1);
  }

  /**
   * A re-assessment that still ranks a constraint a finished phase's initiative was to remove: the
   * finding names that initiative and asks which of the two is true (removed, or still there).
   */
  @Test
  void shouldNameTheEarlierInitiativeAReassessedConstraintOutlived() {
    Path file = Fixtures.copyExample(dir).resolve("assessment/2027-04-assessment.yaml");
    Fixtures.replaceOnce(
        file,
        "id: c-wan-headroom\n      dimension: network\n      rank: 4",
        "id: c-idle-gpus\n      dimension: network\n      rank: 2");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining(
            "constraint c-idle-gpus (rank 2, network) of assessment-2027-04 is not named by any"
                + " initiative of the current or next phase phase-build-foundations or"
                + " phase-scale-optimise, though i-gpu-cost-visibility (phase"
                + " phase-assess-stabilise, done) named it: the re-assessment still ranks it 2")
        .withHintContaining("leave it out of the next assessment's constraints")
        .withHintContaining(
            "add a follow-up initiative to phase-build-foundations with constraint: c-idle-gpus")
        .hasCount(1);
  }

  @Test
  void shouldJudgeAgainstTheAssessmentThatWasLatestAtAsOf() {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(root.resolve("roadmap.yaml"), "          constraint: c-idle-gpus\n", "");
    Position constraint =
        Fixtures.positionOf(root.resolve("assessment/2027-01-assessment.yaml"), "id: c-idle-gpus");

    // In February the January assessment is the latest: c-idle-gpus (rank 3) is now open.
    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-02-15"))
        .containsRule(RULE)
        .inFile("assessment/2027-01-assessment.yaml")
        .at(constraint.line(), constraint.column())
        .hasCount(1);
    // In May the April re-assessment is the latest, and it ranks nothing in the top three.
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTopConstraintsThatPhaseOneAddresses() {
    Fixtures.copyExample(dir);

    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-02-15")).doesNotContainRule(RULE);
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }
}
