package io.waymark.engine.rules.budget;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * budget-burn, initiative-overspent and actuals-stale on the example roadmap, which records monthly
 * actual spend per initiative. As of 2027-05-14 phase 2 has 2 of its 6 milestones done (33.33%).
 */
class SpendRulesTest {

  private static final String ROADMAP = "roadmap.yaml";

  @TempDir Path dir;

  private Path roadmap() {
    return Fixtures.copyExample(dir).resolve(ROADMAP);
  }

  /** 90,000 of 160,000 is 56.25% spent against 33.33% delivered: 22.92 points ahead. */
  @Test
  void shouldReportAnInitiativeThatBurnsAheadOfItsPhasesMilestones() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file, "{date: 2027-04-30, amount: 41000,", "{date: 2027-04-30, amount: 90000,");

    assertThat(Fixtures.only("budget-burn").validate(dir))
        .containsRule("budget-burn")
        .hasCount(1)
        .inFile(ROADMAP)
        .withSeverity(Severity.WARNING)
        .withPath("/spec/phases/1/initiatives/2/actuals")
        .withMessageContaining(
            "initiative 'i-knowledge-layer' has spent 56.25% of its budget (90,000.00 EUR of"
                + " 160,000.00 EUR by 2027-05-14) but its phase 'phase-build-foundations' has"
                + " delivered 33.33% of its milestones (2 of 6 done): more than 15 points ahead"
                + " of value");
  }

  /**
   * 15 points ahead is allowed, exactly: 48.3333…% of 160,000 is 77,333.33…; 77,333.33 stays a hair
   * under the line, 77,333.34 is over it.
   */
  @Test
  void shouldCompareTheLeadExactly() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file, "{date: 2027-04-30, amount: 41000,", "{date: 2027-04-30, amount: 77333.33,");
    assertThat(Fixtures.only("budget-burn").validate(dir)).doesNotContainRule("budget-burn");

    Fixtures.replaceOnce(
        file, "{date: 2027-04-30, amount: 77333.33,", "{date: 2027-04-30, amount: 77333.34,");
    assertThat(Fixtures.only("budget-burn").validate(dir)).containsRule("budget-burn").hasCount(1);
  }

  /**
   * 600,000 more on the ETL roll-out: the whole programme runs ahead of its milestones and gates.
   */
  @Test
  void shouldReportTheProgrammeBurningAheadOfMilestonesAndGateCriteria() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file, "{date: 2027-04-30, amount: 48000,", "{date: 2027-04-30, amount: 648000,");

    assertThat(Fixtures.only("budget-burn").validate(dir))
        .containsRule("budget-burn")
        .withPath("/spec/budget/total")
        .hasCount(1)
        .withMessageContaining(
            "the programme has spent 60.39% of its budget (1,087,000.00 EUR of 1,800,000.00 EUR by 2027-05-14) but delivered ")
        .withMessageContaining("of its milestones and gate criteria");
  }

  /**
   * 48,000 instead of 38,000 in March: 123,000 spent on a 120,000 budget. The approval of the
   * business case on 2027-01-12 relates to the initiative but came before the first spend, so it
   * does not cover the overrun.
   */
  @Test
  void shouldReportAnOverspentInitiativeWithoutALaterApproval() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file, "{date: 2027-03-31, amount: 38000,", "{date: 2027-03-31, amount: 48000,");
    Fixtures.Position at = Fixtures.positionOf(file, "budget: 120000");

    assertThat(Fixtures.only("initiative-overspent").validate(dir))
        .containsRule("initiative-overspent")
        .hasCount(1)
        .withSeverity(Severity.ERROR)
        .at(at.line(), at.column() + "budget: ".length())
        .withMessageContaining(
            "initiative 'i-fix-retrieval-path' has spent 123,000.00 EUR by 2027-05-14,"
                + " 3,000.00 EUR (2.5%) over its budget of 120,000.00 EUR, and no approved"
                + " Governance decision since its spending began relates to it");
  }

  /** Over a budget of zero every amount is over it, and no share of the budget says how much. */
  @Test
  void shouldNotStateAShareOfABudgetOfZero() {
    Path file = roadmap();
    Fixtures.replaceOnce(file, "budget: 120000", "budget: 0");

    assertThat(Fixtures.only("initiative-overspent").validate(dir))
        .containsRule("initiative-overspent")
        .hasCount(1)
        .withMessageContaining(
            "initiative 'i-fix-retrieval-path' has spent 113,000.00 EUR by 2027-05-14,"
                + " 113,000.00 EUR over its budget of 0.00 EUR,")
        .withMessageNotContaining("(0%)");
  }

  /**
   * Actuals written as a running total (30,000, then 75,000 to date, then 113,000 to date) add up
   * to 218,000: the hint says how the points are read. Period amounts that go up and down do not
   * look like a running total, and the hint does not say so.
   */
  @Test
  void shouldExplainHowActualsAddUpWhenTheyReadLikeARunningTotal() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file, "{date: 2027-02-28, amount: 45000,", "{date: 2027-02-28, amount: 75000,");
    Fixtures.replaceOnce(
        file, "{date: 2027-03-31, amount: 38000,", "{date: 2027-03-31, amount: 113000,");
    assertThat(Fixtures.only("initiative-overspent").validate(dir))
        .containsRule("initiative-overspent")
        .withMessageContaining("'i-fix-retrieval-path' has spent 218,000.00 EUR")
        .withHintContaining(
            "The actuals are added up: each is the spend of the period that ends on its date. If"
                + " 113,000.00 EUR is the spend to date (a running total), write each period's"
                + " own amount instead.")
        .hasCount(1);

    Fixtures.replaceOnce(
        file, "{date: 2027-03-31, amount: 113000,", "{date: 2027-03-31, amount: 20000,");
    assertThat(Fixtures.only("initiative-overspent").validate(dir))
        .containsRule("initiative-overspent")
        .withMessageContaining("'i-fix-retrieval-path' has spent 125,000.00 EUR")
        .withHintNotContaining("running total")
        .hasCount(1);
  }

  /** 113,000 + 7,000 more is 120,000: the whole budget spent, not over it. */
  @Test
  void shouldAcceptSpendingExactlyTheBudget() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file, "{date: 2027-03-31, amount: 38000,", "{date: 2027-03-31, amount: 45000,");

    assertThat(Fixtures.only("initiative-overspent").validate(dir))
        .doesNotContainRule("initiative-overspent");
  }

  @Test
  void shouldAcceptAnOverrunTheBoardApproved() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file, "{date: 2027-03-31, amount: 38000,", "{date: 2027-03-31, amount: 48000,");
    Path governance = dir.resolve("governance.yaml");
    Fixtures.write(
        dir,
        "governance.yaml",
        Fixtures.read(governance)
            + """

                - id: dec-retrieval-overrun
                  date: 2027-04-09
                  title: Retrieval path may overrun by EUR 5,000 for the second probe
                  outcome: approved
                  relatesTo: [i-fix-retrieval-path]
            """);

    assertThat(Fixtures.only("initiative-overspent").validate(dir))
        .doesNotContainRule("initiative-overspent");
  }

  /** 46 days without a figure is stale; 45 is not. */
  @Test
  void shouldReportARunningInitiativeWithoutRecentActuals() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file, "{date: 2027-04-30, amount: 22000,", "{date: 2027-03-29, amount: 22000,");

    assertThat(Fixtures.only("actuals-stale").validate(dir))
        .containsRule("actuals-stale")
        .hasCount(1)
        .withSeverity(Severity.WARNING)
        .withPath("/spec/phases/1/initiatives/1/actuals")
        .withMessageContaining(
            "initiative 'i-mlops-upskilling' is in progress (phase 'phase-build-foundations')"
                + " but its latest actual spend is from 2027-03-29, 46 days before 2027-05-14"
                + " (more than 45 days)");

    Fixtures.replaceOnce(
        file, "{date: 2027-03-29, amount: 22000,", "{date: 2027-03-30, amount: 22000,");
    assertThat(Fixtures.only("actuals-stale").validate(dir)).doesNotContainRule("actuals-stale");
  }

  /**
   * An initiative of a phase that started on 2027-04-04 and has no actuals yet: 40 days into the
   * phase (2027-05-14) its first monthly export is not late; 46 days in, it is, and the finding
   * counts the days from the phase's start instead of claiming "more than 45 days" from nothing.
   */
  @Test
  void shouldCountAnInitiativeWithoutActualsFromItsPhasesStart() {
    Path file = roadmap();
    Fixtures.replaceOnce(
        file,
        "            - {date: 2027-04-30, amount: 22000, source: finance-export-2027-04}\n",
        "");
    Fixtures.replaceOnce(
        file,
        "          businessCase: bc-mlops-skills\n          actuals:\n",
        "          businessCase: bc-mlops-skills\n");

    assertThat(Fixtures.only("actuals-stale").validate(dir)).doesNotContainRule("actuals-stale");

    assertThat(Fixtures.only("actuals-stale").validate(dir, LocalDate.of(2027, 5, 20)))
        .containsRule("actuals-stale")
        .hasCount(1)
        .withPath("/spec/phases/1/initiatives/1")
        .withMessageContaining(
            "initiative 'i-mlops-upskilling' is in progress (phase 'phase-build-foundations')"
                + " but it records no actual spend in the 46 days from the phase's start on"
                + " 2027-04-04 to 2027-05-20 (more than 45 days)");
  }

  /** A roadmap that records no spend at all is not asked for it. */
  @Test
  void shouldNotAskForActualsWhereNoneAreRecorded() {
    Path file = roadmap();
    String text = Fixtures.read(file).replaceAll("(?m)^ +actuals:\\n( +- \\{date:.*\\n)+", "");
    Fixtures.write(dir, ROADMAP, text);

    assertThat(Fixtures.only("actuals-stale", "budget-burn").validate(dir))
        .doesNotContainRule("actuals-stale")
        .doesNotContainRule("budget-burn");
  }

  @Test
  void shouldAcceptTheExample() {
    Fixtures.copyExample(dir);
    assertThat(Fixtures.only("budget-burn", "initiative-overspent", "actuals-stale").validate(dir))
        .doesNotContainRule("budget-burn")
        .doesNotContainRule("initiative-overspent")
        .doesNotContainRule("actuals-stale");
  }
}
