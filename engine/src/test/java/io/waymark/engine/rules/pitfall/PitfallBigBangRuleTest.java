package io.waymark.engine.rules.pitfall;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitfallBigBangRuleTest {

  private static final String RULE = "pitfall-big-bang";

  private static final String LAST_PHASE_1_INITIATIVE_END =
      "          useCases: [uc-eta-prediction, uc-warehouse-demand-forecast]\n";

  @TempDir Path dir;

  @Test
  void shouldReportAFourthInitiativeInTheFirstPhaseOnItsInitiatives() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap,
        LAST_PHASE_1_INITIATIVE_END,
        LAST_PHASE_1_INITIATIVE_END
            + """
                    - id: i-early-vector-database
                      title: Vector database for everyone, right away
                      category: quick-win
                      type: vector-database
                      impact: 3
                      effort: 3
                      budget: 10000
                      businessCase: bc-knowledge-layer
            """);
    Position first = Fixtures.positionOf(roadmap, "- id: i-automate-core-pipelines");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(first.line(), first.column())
        .withPath("/spec/phases/0/initiatives")
        .withSeverity(Severity.WARNING)
        .withMessageContaining(
            "first phase 'phase-assess-stabilise' starts 4 initiatives (more than 3)");
  }

  @Test
  void shouldReportAFirstPhaseSpendingMoreThanHalfTheTotal() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    // 800,000 + 120,000 + 90,000 = 1,010,000 > 900,000
    Fixtures.replaceOnce(roadmap, "budget: 180000", "budget: 800000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining(
            "spends 1,010,000.00 EUR, more than half of the total budget of 1,800,000.00 EUR");
  }

  @Test
  void shouldAcceptAFirstPhaseSpendingExactlyHalfTheTotal() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "budget: 180000", "budget: 690000");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
