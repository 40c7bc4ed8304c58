package io.waymark.engine.rules.budget;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetSplitRuleTest {

  private static final String RULE = "budget-split";

  @TempDir Path dir;

  private Path roadmap() {
    return Fixtures.copyExample(dir).resolve("roadmap.yaml");
  }

  @Test
  void shouldReportASplitAwayFrom70To20To10OnTheBudget() {
    Path roadmap = roadmap();
    // 200,000 moves from constraint removal to foundations: 56.67 / 33.33 / 10
    Fixtures.replaceOnce(
        roadmap,
        "category: constraint-removal\n          type: cloud-compute",
        "category: foundation\n          type: cloud-compute");
    Position budget = Fixtures.positionOf(roadmap, "total: 1800000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(budget.line(), budget.column())
        .withPath("/spec/budget")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("initiative budgets of 1,500,000.00 EUR")
        .withMessageContaining("constraint removal and quick wins 850,000.00 EUR (56.67%)")
        .withMessageContaining("foundations 500,000.00 EUR (33.33%)")
        .withMessageContaining("experimentation 150,000.00 EUR (10%)")
        .withMessageContaining("against 70/20/10")
        .withHintContaining("foundations is 13.33 points over its 20%");
  }

  @Test
  void shouldAcceptAShareExactly5PointsAway() {
    Path roadmap = roadmap();
    // constraint removal and quick wins 1,350,000 of 1,800,000: exactly 75%
    Fixtures.replaceOnce(roadmap, "budget: 200000", "budget: 500000");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportAShareJustOver5PointsAway() {
    Path roadmap = roadmap();
    Fixtures.replaceOnce(roadmap, "budget: 200000", "budget: 500100");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withHintContaining("constraint removal and quick wins is 5 points over its 70%");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
