package io.waymark.engine.rules.businesscase;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.businesscase.CaseFiles.PIPELINE;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline case with benefits of 52,000 + 48,000 = 100,000 a year: Ct = 69,000, NPV at 8% =
 * -172,500 + 69,000 x 2.5770970 = 5,319.69. With benefits 10% lower Ct = 59,000, NPV = -20,451.28.
 * Benefits may fall 5,319.69 / (100,000 x 2.5770970) = 2.06%.
 */
class BcFragileRuleTest {

  private static final String RULE = "bc-fragile";

  @TempDir Path dir;

  @Test
  void shouldReportAnApprovedCaseThatTurnsNegativeWhenBenefitsFallTenPercent() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "annual: 156000", "annual: 52000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(PIPELINE)
        .withPath("/spec/benefits")
        .withSeverity(Severity.WARNING)
        .withMessageContaining(
            "approved business case 'bc-pipeline-automation' turns NPV-negative when its benefits"
                + " fall by 10%: NPV 5,319.69 EUR, -20,451.28 EUR with benefits 10% lower;"
                + " benefits may fall only 2.06% before the NPV is negative");
  }

  @Test
  void shouldIgnoreAFragileCaseThatIsOnlyProposed() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "annual: 156000", "annual: 52000");
    Fixtures.replaceOnce(file, "status: approved", "status: proposed");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  /** Already negative is bc-negative-npv-approved's finding, not this one. */
  @Test
  void shouldLeaveACaseThatIsAlreadyNegativeToTheNegativeNpvRule() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "annual: 156000", "annual: 6000");

    assertThat(Fixtures.only(RULE, "bc-negative-npv-approved").validate(dir))
        .doesNotContainRule(RULE)
        .containsRule("bc-negative-npv-approved");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
