package io.waymark.engine.rules.businesscase;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing and passing fixtures for {@code realised-costs-understated}: the example's pipeline case
 * funds i-automate-core-pipelines, which booked 55,000 + 62,000 + 58,000 = 175,000 by 31 March and
 * 48,000 more in April.
 */
class RealisedCostsUnderstatedRuleTest {

  private static final String RULE = "realised-costs-understated";
  private static final String FILE = "business-cases/pipeline-automation.yaml";

  @TempDir Path dir;

  private Path realised(String costs, String asOf) {
    Path file = Fixtures.copyExample(dir).resolve(FILE);
    Fixtures.replaceOnce(
        file,
        "\n  risks:\n",
        "\n  realised:\n    benefits: 90000\n    costs: "
            + costs
            + "\n    asOf: "
            + asOf
            + "\n  risks:\n");
    return file;
  }

  @Test
  void shouldReportRealisedCostsBelowTheInitiativesActualSpend() {
    Path file = realised("174999", "2027-03-31");
    Position at = Fixtures.positionOf(file, "costs: 174999");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(FILE)
        .at(at.line(), at.column() + "costs: ".length())
        .withPath("/spec/realised/costs")
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "business case 'bc-pipeline-automation' records realised costs of 174,999.00 EUR by"
                + " 2027-03-31, less than the 175,000.00 EUR of actual spend its initiatives booked"
                + " by then (i-automate-core-pipelines 175,000.00 EUR)")
        .withHintContaining("Record at least 175,000.00 EUR as realised.costs");
  }

  /** Up to 31 March it booked 175,000: as much is enough. */
  @Test
  void shouldAcceptRealisedCostsThatCoverTheInitiativesActualSpend() {
    realised("175000", "2027-03-31");
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  /** By 28 February it had booked 55,000 + 62,000: the March spend is not counted. */
  @Test
  void shouldCountOnlyTheSpendBookedByTheRealisedDate() {
    realised("116999", "2027-02-28");
    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining("less than the 117,000.00 EUR")
        .hasCount(1);
  }

  @Test
  void shouldAcceptTheExampleWithoutRealisedFigures() {
    Fixtures.copyExample(dir);
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }
}
