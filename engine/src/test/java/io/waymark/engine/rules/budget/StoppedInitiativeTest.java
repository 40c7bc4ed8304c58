package io.waymark.engine.rules.budget;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Roadmap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An initiative stopped before it finished ({@code stopped}) stays in the roadmap with its spend:
 * the 70-20-10 split and the budget count what it spent, not its budget; it owes no more actuals;
 * it removes no constraint; its stop is dated and decided like any other record. The example's
 * i-priority-etl-rollout (constraint removal, EUR 220,000, c-data-quality) booked EUR 48,000 by 30
 * April; i-autoscaling-inference (constraint removal, EUR 200,000) nothing.
 */
class StoppedInitiativeTest {

  @TempDir Path dir;

  private static final String ROADMAP = "roadmap.yaml";
  private static final String ETL_ACTUAL =
      "            - {date: 2027-04-30, amount: 48000, source: finance-export-2027-04}\n";
  private static final String AUTOSCALING_BUDGET = "          budget: 200000\n";

  private Path example() {
    return Fixtures.copyExample(dir);
  }

  /** Stops the initiative whose unique line is {@code after}, on {@code on}. */
  private static void stop(Path root, String after, String on, String decision) {
    Fixtures.replaceOnce(
        root.resolve(ROADMAP),
        after,
        after
            + "          stopped:\n            on: "
            + on
            + "\n            reason: Superseded by the vendor's managed pipelines\n"
            + "            decision: "
            + decision
            + "\n");
  }

  @Test
  void shouldReadTheStopAndCountASpendInsteadOfTheBudget() {
    Path root = example();
    stop(root, ETL_ACTUAL, "2027-05-02", "dec-roadmap-2027-approved");

    ValidationResult result = Fixtures.only("budget-split").validate(root);
    Roadmap roadmap = result.plan().roadmap().orElseThrow();
    Initiative etl =
        roadmap.initiatives().stream()
            .filter(i -> i.id().equals("i-priority-etl-rollout"))
            .findFirst()
            .orElseThrow();

    assertThat(etl.stopped()).map(Initiative.Stop::on).contains(LocalDate.parse("2027-05-02"));
    assertThat(etl.stoppedBy(LocalDate.parse("2027-05-01"))).isFalse();
    assertThat(etl.allocationBy(LocalDate.parse("2027-05-01"))).isEqualByComparingTo("220000");
    assertThat(etl.allocationBy(Fixtures.AS_OF)).isEqualByComparingTo("48000");
    assertThat(roadmap.allocatedBy(Fixtures.AS_OF))
        .isEqualByComparingTo(new BigDecimal("1500000").subtract(new BigDecimal("172000")));
  }

  /**
   * Both stopped: constraint removal keeps 1,050,000 - 172,000 - 200,000 = 678,000 of 1,128,000
   * (60.11 %), 9.89 points under its 70 %. With their budgets it was 70 % exactly.
   */
  @Test
  void shouldSplitTheBudgetOnWhatStoppedInitiativesSpent() {
    Path root = example();
    assertThat(Fixtures.only("budget-split").validate(root)).doesNotContainRule("budget-split");

    stop(root, ETL_ACTUAL, "2027-05-02", "dec-roadmap-2027-approved");
    stop(root, AUTOSCALING_BUDGET, "2027-05-02", "dec-roadmap-2027-approved");

    assertThat(Fixtures.only("budget-split", "budget-overrun").validate(root))
        .containsRule("budget-split")
        .withMessageContaining(
            "initiative budgets of 1,128,000.00 EUR split constraint removal and quick wins"
                + " 678,000.00 EUR (60.11%)")
        .hasCount(1);
  }

  /** Stopped in May, it books nothing more: no stale actuals in July (the others are stale). */
  @Test
  void shouldNotAskAStoppedInitiativeForActuals() {
    Path root = example();
    LocalDate july = LocalDate.parse("2027-07-01");
    assertThat(Fixtures.only("actuals-stale").validate(root, july))
        .containsRule("actuals-stale")
        .hasCount(5)
        .withMessageContaining("'i-priority-etl-rollout'")
        .hasCount(1);

    stop(root, ETL_ACTUAL, "2027-05-02", "dec-roadmap-2027-approved");

    // The four others, and not the stopped one.
    assertThat(Fixtures.only("actuals-stale").validate(root, july))
        .containsRule("actuals-stale")
        .hasCount(4)
        .withMessageNotContaining("'i-priority-etl-rollout'")
        .hasCount(4);
  }

  /** c-data-quality, ranked first in April, was to be removed by the stopped initiative. */
  @Test
  void shouldNotLetAStoppedInitiativeRemoveItsConstraint() {
    Path root = example();
    stop(root, ETL_ACTUAL, "2027-05-02", "dec-roadmap-2027-approved");

    assertThat(Fixtures.only("constraints-unaddressed").validate(root))
        .containsRule("constraints-unaddressed")
        .withMessageContaining("constraint c-data-quality (rank 1, data)")
        .hasCount(1);
  }

  @Test
  void shouldDateAndDecideTheStopLikeAnyOtherRecord() {
    Path root = example();
    stop(root, ETL_ACTUAL, "2027-06-01", "dec-etl-stopped");

    ValidationResult result =
        Fixtures.only("recorded-after-as-of", "decision-unknown").validate(root);

    assertThat(result)
        .containsRule("recorded-after-as-of")
        .withMessageContaining(
            "initiative 'i-priority-etl-rollout' is stopped on 2027-06-01, after the as-of date"
                + " 2027-05-14")
        .withPath("/spec/phases/1/initiatives/0/stopped/on")
        .hasCount(1);
    assertThat(result)
        .containsRule("decision-unknown")
        .withMessageContaining("stop of initiative 'i-priority-etl-rollout'")
        .withMessageContaining("dec-etl-stopped")
        .withPath("/spec/phases/1/initiatives/0/stopped/decision")
        .hasCount(1);
  }
}
