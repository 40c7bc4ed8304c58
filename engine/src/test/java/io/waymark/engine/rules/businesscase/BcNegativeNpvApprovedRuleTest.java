package io.waymark.engine.rules.businesscase;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.businesscase.CaseFiles.PIPELINE;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline case with a benefit of 6,000 instead of 156,000: Ct = 6,000 + 48,000 - 31,000 =
 * 23,000, NPV = -172,500 + 23,000 x 2.5770970 = -113,226.77 at 8%.
 */
class BcNegativeNpvApprovedRuleTest {

  private static final String RULE = "bc-negative-npv-approved";

  @TempDir Path dir;

  @Test
  void shouldReportAnApprovedCaseWithANegativeNpvOnItsStatus() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "annual: 156000", "annual: 6000");
    Position at = Fixtures.positionOf(file, "status: approved");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(PIPELINE)
        .at(at.line(), at.column() + "status: ".length())
        .withPath("/spec/status")
        .withSeverity(Severity.WARNING)
        .withMessageContaining(
            "'bc-pipeline-automation' is approved with a negative NPV: computed -113,226.77 EUR"
                + " from the cash flows C0 -172,500.00 EUR then 23,000.00 EUR a year for 3 years,"
                + " discount rate 8%");
  }

  @Test
  void shouldIgnoreANegativeNpvBeforeApproval() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "annual: 156000", "annual: 6000");
    Fixtures.replaceOnce(file, "status: approved", "status: proposed");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  /**
   * At a 0% discount rate the NPV is the plain sum of the flows: C0 = -172,500 and Ct = 40,500 +
   * 48,000 - 31,000 = 57,500 for 3 years, so the NPV is exactly 0, which is not negative.
   */
  @Test
  void shouldAcceptAnNpvOfExactlyZero() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "annual: 156000", "annual: 40500");
    Fixtures.replaceOnce(file, "discountRatePct: 8", "discountRatePct: 0");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  /** One euro less benefit a year than the zero case: NPV = -3.00. */
  @Test
  void shouldReportAnNpvJustBelowZero() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "annual: 156000", "annual: 40499");
    Fixtures.replaceOnce(file, "discountRatePct: 8", "discountRatePct: 0");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("negative NPV: computed -3.00 EUR");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
