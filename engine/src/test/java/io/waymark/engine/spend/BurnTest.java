package io.waymark.engine.spend;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.model.Roadmap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The burn of the example roadmap as of 2027-05-14, against figures worked out by hand from its
 * YAML: phase 1 (months 1-3) budgets 390,000, phase 2 (months 4-9) 670,000, phase 3 (months 10-18)
 * 440,000; monthly actuals from January to April 2027.
 */
class BurnTest {

  @TempDir Path dir;

  private Roadmap example() {
    return Fixtures.validate(Fixtures.copyExample(dir)).plan().roadmap().orElseThrow();
  }

  @Test
  void shouldSpreadEachBudgetEvenlyOverItsPhaseMonths() {
    Burn burn = Burn.of(example(), Fixtures.AS_OF);

    assertThat(burn.months()).hasSize(18);
    assertThat(burn.months().get(0).planned()).isEqualByComparingTo("130000.00");
    assertThat(burn.months().get(2).planned()).isEqualByComparingTo("390000.00");
    // 390,000 + 670,000 / 6, rounded to cents.
    assertThat(burn.months().get(3).planned()).isEqualByComparingTo("501666.67");
    assertThat(burn.months().get(17).planned()).isEqualByComparingTo("1500000.00");
  }

  @Test
  void shouldSumActualSpendAndDeliveredMilestonesUpToAsOf() {
    Burn burn = Burn.of(example(), Fixtures.AS_OF);

    // Month 1 runs from 4 January to 3 February: the January actuals 55,000 + 30,000 + 20,000.
    assertThat(burn.months().get(0).actual()).contains(new BigDecimal("105000"));
    // Month 4 (to 3 May) holds the April actuals too: 364,000 + 48,000 + 22,000 + 41,000 + 12,000.
    assertThat(burn.months().get(3).actual().orElseThrow()).isEqualByComparingTo("487000");
    // Month 5 started on 4 May, before as-of: spend to 14 May, nothing after.
    assertThat(burn.months().get(4).actual().orElseThrow()).isEqualByComparingTo("487000");
    assertThat(burn.months().get(5).actual()).isEmpty();
    assertThat(burn.months().get(5).delivered()).isEmpty();
    assertThat(burn.months().get(4).delivered()).contains(6);
    assertThat(burn.milestones()).isEqualTo(16);
    assertThat(burn.latest().orElseThrow().number()).isEqualTo(5);
  }

  @Test
  void shouldProrateThePlanOfTheCurrentMonthByDay() {
    Burn burn = Burn.of(example(), Fixtures.AS_OF);

    // 390,000 + 670,000 × (1 + 11/31) / 6: month 5 has 31 days, 11 of them up to 14 May.
    assertThat(burn.plannedToDate()).isEqualByComparingTo("541290.32");
  }

  @Test
  void shouldPutTheInitiativesThatBurnFurthestAheadOfDeliveryFirst() {
    Burn burn = Burn.of(example(), Fixtures.AS_OF);

    assertThat(burn.recorded()).isTrue();
    assertThat(burn.initiatives())
        .extracting(b -> b.initiative().id())
        .startsWith("i-automate-core-pipelines", "i-fix-retrieval-path", "i-knowledge-layer");
    Burn.InitiativeBurn first = burn.initiatives().get(0);
    // 175,000 of 180,000 spent (97.2 %) with all 4 milestones of phase 1 done.
    assertThat(first.spent()).isEqualByComparingTo("175000");
    assertThat(first.delivered()).isEqualTo(new Spend.Delivered(4, 4));
    assertThat(first.leadPoints()).isNegative();
    assertThat(first.burnsAhead()).isFalse();
  }

  @Test
  void shouldSayWhenNoSpendIsRecorded() {
    Burn burn = Burn.of(example(), Fixtures.AS_OF.withYear(2026));

    assertThat(burn.recorded()).isFalse();
    assertThat(burn.latest()).isEqualTo(Optional.empty());
    assertThat(burn.plannedToDate()).isEqualByComparingTo("0");
  }

  /**
   * i-priority-etl-rollout (phase 2, EUR 220,000, 48,000 booked in April) stopped on 2 May: from
   * month 4 (to 3 May) on, the plan holds its 48,000 instead of its share of the budget, and it is
   * no longer among the initiatives that burn.
   */
  @Test
  void shouldPlanAStoppedInitiativeAtWhatItSpent() {
    Burn burn = etlRolloutStopped("", "2027-05-02", Fixtures.AS_OF);

    // Month 3 is before the stop: 390,000 as before. Month 4: 501,666.67 - 36,666.67 + 48,000.
    assertThat(burn.months().get(2).planned()).isEqualByComparingTo("390000.00");
    assertThat(burn.months().get(3).planned()).isEqualByComparingTo("513000.00");
    assertThat(burn.months().get(17).planned()).isEqualByComparingTo("1328000.00");
    assertThat(burn.initiatives())
        .extracting(b -> b.initiative().id())
        .doesNotContain("i-priority-etl-rollout")
        .isNotEmpty();
  }

  /**
   * A stopped initiative's last invoice, booked after the stop (10 May, for work before it), is
   * still money it took: from the month that books it on, the plan holds it too, as budget-split's
   * allocation does, so the burn chart does not show it as spend over plan.
   */
  @Test
  void shouldPlanAStoppedInitiativeAtWhatItSpentAfterTheStopToo() {
    Burn burn =
        etlRolloutStopped(
            "            - {date: 2027-05-10, amount: 5000, source: final-invoice}\n",
            "2027-05-02",
            Fixtures.AS_OF);

    // Month 4 ends on 3 May, before the invoice: 48,000 as without it. Month 5 on: 53,000.
    assertThat(burn.months().get(3).planned()).isEqualByComparingTo("513000.00");
    assertThat(burn.months().get(17).planned()).isEqualByComparingTo("1333000.00");
  }

  /**
   * The same initiative stopped on 15 August, months after its budget's share had passed the 48,000
   * it spent: the cumulative plan must not fall in month 8 (a cumulative figure never does). It
   * holds the initiative at the lesser of its share and its spend before the stop, at its spend
   * from then on, and still ends at the same total.
   */
  @Test
  void shouldNeverLetTheCumulativePlanFallWhenAnInitiativeIsStopped() {
    Burn burn = etlRolloutStopped("", "2027-08-15", LocalDate.of(2027, 9, 1));

    for (int k = 1; k < burn.months().size(); k++) {
      assertThat(burn.months().get(k).planned())
          .as("month %d", k + 1)
          .isGreaterThanOrEqualTo(burn.months().get(k - 1).planned());
    }
    assertThat(burn.months().get(17).planned()).isEqualByComparingTo("1328000.00");
  }

  /**
   * The burn of the example as of {@code asOf} with i-priority-etl-rollout (48,000 booked in April,
   * then {@code moreActuals}) stopped on {@code on}.
   */
  private Burn etlRolloutStopped(String moreActuals, String on, LocalDate asOf) {
    Path root = Fixtures.copyExample(dir);
    String actual =
        "            - {date: 2027-04-30, amount: 48000, source: finance-export-2027-04}\n";
    Fixtures.replaceOnce(
        root.resolve("roadmap.yaml"),
        actual,
        actual
            + moreActuals
            + "          stopped:\n            on: "
            + on
            + "\n            reason: Superseded\n");
    return Burn.of(Fixtures.validate(root, asOf).plan().roadmap().orElseThrow(), asOf);
  }
}
