package io.waymark.engine.rules.businesscase;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcOwnershipThresholdRuleTest {

  private static final String RULE = "bc-ownership-threshold";
  private static final String FILE = "business-cases/inference-economics.yaml";

  @TempDir Path dir;

  /** 250,000 / 310,000 = 80.65% > 65%. */
  @Test
  void shouldReportCloudCostAboveTheThresholdOnTheCloudCost() {
    Path file = edit("cloudAnnualCost: 150000", "cloudAnnualCost: 250000");
    Position at = Fixtures.positionOf(file, "cloudAnnualCost: 250000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(FILE)
        .at(at.line(), at.column() + "cloudAnnualCost: ".length())
        .withPath("/spec/solution/cloudAnnualCost")
        .withSeverity(Severity.INFO)
        .withMessageContaining(
            "cloud annual cost 250,000.00 EUR is 80.65% of the owned annual TCO 310,000.00 EUR,"
                + " above 65%: owning the infrastructure is likely cheaper");
  }

  /** 201,500 / 310,000 = 65% exactly: not above; 201,600 is 65.03%. */
  @Test
  void shouldReportOnlyAboveSixtyFivePercent() {
    edit("cloudAnnualCost: 150000", "cloudAnnualCost: 201500");
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);

    Fixtures.replaceOnce(dir.resolve(FILE), "cloudAnnualCost: 201500", "cloudAnnualCost: 201600");
    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining("65.03%");
  }

  @Test
  void shouldIgnoreAnOwnedTcoOfZero() {
    edit("ownedAnnualTco: 310000", "ownedAnnualTco: 0");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }

  private Path edit(String from, String to) {
    Path file = Fixtures.copyExample(dir).resolve(FILE);
    // The example's case is hybrid already, which this rule leaves alone; renting is the case
    // it is about.
    Fixtures.replaceOnce(file, "sourcing: hybrid", "sourcing: rent");
    Fixtures.replaceOnce(file, from, to);
    return file;
  }
}
