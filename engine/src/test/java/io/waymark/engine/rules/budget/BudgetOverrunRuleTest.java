package io.waymark.engine.rules.budget;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetOverrunRuleTest {

  private static final String RULE = "budget-overrun";

  @TempDir Path dir;

  @Test
  void shouldReportInitiativesPlusContingencyAboveTheTotalOnTheTotal() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "total: 1800000", "total: 1700000");
    Position total = Fixtures.positionOf(roadmap, "total: 1700000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(total.line(), total.column() + "total: ".length())
        .withPath("/spec/budget/total")
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "initiative budgets of 1,500,000.00 EUR plus the contingency of 270,000.00 EUR come"
                + " to 1,770,000.00 EUR, 70,000.00 EUR more than the total of 1,700,000.00 EUR");
  }

  @Test
  void shouldAcceptInitiativesPlusContingencyEqualToTheTotal() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "total: 1800000", "total: 1770000");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
