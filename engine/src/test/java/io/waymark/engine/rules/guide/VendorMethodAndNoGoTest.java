package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * Failing and passing fixtures for {@code vendor-method-changed}, {@code vendor-no-go-selected} (a
 * guide rule of issue 9).
 */
class VendorMethodAndNoGoTest extends GuideFixture {

  @Test
  void shouldReportChangedWeightsWithoutAReason() {
    Fixtures.replaceOnce(
        file(VENDORS),
        "technicalFit: 40\n    economics: 30",
        "technicalFit: 30\n    economics: 40");
    Position weights = Fixtures.positionOf(file(VENDORS), "technicalFit: 30");

    assertThat(Fixtures.only("vendor-method-changed").validate(repo))
        .containsRule("vendor-method-changed")
        .withSeverity(Severity.WARNING)
        .inFile(VENDORS)
        .at(weights.line(), weights.column())
        .withMessageContaining("weights 30/40/20/10 differ from the guide's 40/30/20/10")
        .hasCount(1);
  }

  @Test
  void shouldReportChangedThresholdsAndAcceptThemWithAReason() {
    Fixtures.replaceOnce(file(VENDORS), "go: 80", "go: 75");
    assertThat(Fixtures.only("vendor-method-changed").validate(repo))
        .containsRule("vendor-method-changed")
        .withMessageContaining("thresholds go 75 / diligence 60 differ from the guide's 80/60")
        .hasCount(1);

    Fixtures.replaceOnce(
        file(VENDORS),
        "  thresholds:\n",
        "  deviation:\n    reason: Peak capacity is bought for one season only\n  thresholds:\n");
    assertThat(Fixtures.only("vendor-method-changed").validate(repo))
        .doesNotContainRule("vendor-method-changed");
  }

  @Test
  void shouldReportAnInitiativeNamingANoGoVendorAsAnError() {
    Fixtures.replaceOnce(file(ROADMAP), "vendor: v-nimbus-gpu", "vendor: v-voltaic-compute");
    Position at = Fixtures.positionOf(file(ROADMAP), "vendor: v-voltaic-compute");

    assertThat(Fixtures.only("vendor-no-go-selected").validate(repo))
        .containsRule("vendor-no-go-selected")
        .withSeverity(Severity.ERROR)
        .inFile(ROADMAP)
        .at(at.line(), at.column() + "vendor: ".length())
        .withMessageContaining(
            "initiative i-autoscaling-inference names vendor 'v-voltaic-compute', whose computed"
                + " score 49.33% is no-go")
        .hasCount(1);
  }

  @Test
  void shouldWarnWhenAnApprovedDecisionSelectsAVendorStillInDiligence() {
    Fixtures.replaceOnce(file(GOVERNANCE), "selects: [v-nimbus-gpu]", "selects: [v-helio-cloud]");

    assertThat(Fixtures.only("vendor-no-go-selected").validate(repo))
        .containsRule("vendor-no-go-selected")
        .withSeverity(Severity.WARNING)
        .inFile(GOVERNANCE)
        .withMessageContaining(
            "approved decision dec-vendor-nimbus-gpu selects vendor 'v-helio-cloud', whose"
                + " computed score 69.33% is only diligence, and the selection is final")
        .hasCount(1);
  }
}
