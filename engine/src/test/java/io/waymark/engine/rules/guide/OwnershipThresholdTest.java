package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * Failing and passing fixtures for {@code bc-ownership-threshold}, {@code
 * ownership-below-threshold} (a guide rule of issue 9).
 */
class OwnershipThresholdTest extends GuideFixture {

  @Test
  void shouldReportBuyingWhileTheCloudIsBelowSixtyPercentOfOwnedTco() {
    // 150,000 / 310,000 = 48 %.
    Fixtures.replaceOnce(file(INFERENCE_CASE), "sourcing: hybrid", "sourcing: buy");
    Position at = Fixtures.positionOf(file(INFERENCE_CASE), "sourcing: buy");

    assertThat(Fixtures.only("ownership-below-threshold").validate(repo))
        .containsRule("ownership-below-threshold")
        .withSeverity(Severity.WARNING)
        .inFile(INFERENCE_CASE)
        .at(at.line(), at.column() + "sourcing: ".length())
        .withMessageContaining("cloud cost is only 48.39% of the owned TCO")
        .hasCount(1);
  }

  @Test
  void shouldAcceptBuyingAboveTheThreshold() {
    Fixtures.replaceOnce(file(INFERENCE_CASE), "sourcing: hybrid", "sourcing: buy");
    Fixtures.replaceOnce(
        file(INFERENCE_CASE), "cloudAnnualCost: 150000", "cloudAnnualCost: 200000");

    assertThat(Fixtures.only("ownership-below-threshold").validate(repo))
        .doesNotContainRule("ownership-below-threshold");
  }

  @Test
  void shouldNotSuggestOwnershipToACaseThatIsAlreadyHybrid() {
    // 250,000 / 310,000 = 81 %: above 65 %, but the case is hybrid already.
    Fixtures.replaceOnce(
        file(INFERENCE_CASE), "cloudAnnualCost: 150000", "cloudAnnualCost: 250000");
    assertThat(Fixtures.only("bc-ownership-threshold").validate(repo))
        .doesNotContainRule("bc-ownership-threshold");

    Fixtures.replaceOnce(file(INFERENCE_CASE), "sourcing: hybrid", "sourcing: rent");
    assertThat(Fixtures.only("bc-ownership-threshold").validate(repo))
        .containsRule("bc-ownership-threshold")
        .hasCount(1);
  }
}
