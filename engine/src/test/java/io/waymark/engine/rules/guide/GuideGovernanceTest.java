package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * Failing and passing fixtures for {@code review-board-toothless}, {@code review-cadence} (a guide
 * rule of issue 9).
 */
class GuideGovernanceTest extends GuideFixture {

  @Test
  void shouldReportReviewsLessOftenThanQuarterlyAndUpdatesLessOftenThanSemiAnnually() {
    Fixtures.replaceOnce(file(GOVERNANCE), "review: quarterly", "review: semi-annual");
    Fixtures.replaceOnce(file(GOVERNANCE), "update: semi-annual", "update: annual");
    Position review = Fixtures.positionOf(file(GOVERNANCE), "review: semi-annual");

    assertThat(Fixtures.only("review-cadence").validate(repo))
        .containsRule("review-cadence")
        .withSeverity(Severity.WARNING)
        .hasCount(2);
    assertThat(Fixtures.only("review-cadence").validate(repo))
        .containsRule("review-cadence")
        .at(review.line(), review.column() + "review: ".length())
        .withMessageContaining("reviews the roadmap semi-annual, less often than quarterly")
        .hasCount(1);
  }

  @Test
  void shouldReportABoardThatReviewsNothing() {
    Fixtures.replaceOnce(
        file(GOVERNANCE), "approvalThreshold: 100000", "approvalThreshold: 250000");
    Position at = Fixtures.positionOf(file(GOVERNANCE), "approvalThreshold: 250000");

    assertThat(Fixtures.only("review-board-toothless").validate(repo))
        .containsRule("review-board-toothless")
        .withSeverity(Severity.WARNING)
        .at(at.line(), at.column() + "approvalThreshold: ".length())
        .withMessageContaining(
            "approval threshold 250000 is above every initiative (largest:"
                + " i-priority-etl-rollout, 220000) while the programme budget is 1800000")
        .hasCount(1);
  }

  @Test
  void shouldReportABoardOfOne() {
    Fixtures.replaceOnce(
        file(GOVERNANCE),
        "      - Finance Director (CFO delegate)\n      - Head of Data Platform\n"
            + "      - Lead Infrastructure Architect\n      - Information Security Officer\n"
            + "      - Head of Transport Operations\n",
        "");

    assertThat(Fixtures.only("review-board-toothless").validate(repo))
        .containsRule("review-board-toothless")
        .withMessageContaining("has 1 member(s); a review needs at least 2")
        .hasCount(1);
  }

  @Test
  void shouldAcceptABoardOfTwo() {
    Fixtures.replaceOnce(
        file(GOVERNANCE),
        "      - Head of Data Platform\n      - Lead Infrastructure Architect\n"
            + "      - Information Security Officer\n      - Head of Transport Operations\n",
        "");

    assertThat(Fixtures.only("review-board-toothless").validate(repo))
        .doesNotContainRule("review-board-toothless");
  }

  /** The largest initiative at exactly the threshold does not need an approved case. */
  @Test
  void shouldReportAThresholdEqualToTheLargestInitiative() {
    Fixtures.replaceOnce(
        file(GOVERNANCE), "approvalThreshold: 100000", "approvalThreshold: 220000");

    assertThat(Fixtures.only("review-board-toothless").validate(repo))
        .containsRule("review-board-toothless")
        .withMessageContaining("approval threshold 220000 is above every initiative")
        .hasCount(1);
  }

  /** The rule asks for a programme budget above the threshold; one equal to it is not above. */
  @Test
  void shouldAcceptAThresholdAtTheProgrammeBudget() {
    Fixtures.replaceOnce(
        file(GOVERNANCE), "approvalThreshold: 100000", "approvalThreshold: 1800000");

    assertThat(Fixtures.only("review-board-toothless").validate(repo))
        .doesNotContainRule("review-board-toothless");
  }
}
