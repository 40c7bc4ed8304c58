package io.waymark.engine.rules.pitfall;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitfallVendorLockInRuleTest {

  private static final String RULE = "pitfall-vendor-lock-in";

  @TempDir Path dir;

  @Test
  void shouldReportAVendorCarryingMoreThan60PercentOnItsLargestInitiative() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    // v-streamforge: 180,000 + 1,500,000 of 2,780,000 = 60.43%
    Fixtures.replaceOnce(roadmap, "budget: 220000", "budget: 1500000");
    Position largest =
        Fixtures.positionOf(
            roadmap,
            "budget: 1500000\n          businessCase: bc-data-foundations\n"
                + "          vendor: v-streamforge");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(largest.line() + 2, largest.column() + "vendor: ".length())
        .withPath("/spec/phases/1/initiatives/0/vendor")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("2 initiatives naming vendor 'v-streamforge' (StreamForge)")
        .withMessageContaining("carry 1,680,000.00 EUR, 60.43% of the 2,780,000.00 EUR");
  }

  @Test
  void shouldAcceptAVendorCarryingExactly60Percent() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    // 180,000 + 1,470,000 of 2,750,000 = 60%
    Fixtures.replaceOnce(roadmap, "budget: 220000", "budget: 1470000");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
