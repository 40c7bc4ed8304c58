package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.report.chart.Rag;
import io.waymark.report.view.Quarter;
import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements of the QBR that must hold for any roadmap, not only the example: the declared figures
 * of a case, the units of a gate criterion, a baseline read as a reading, the next gate, plurals.
 */
class StatementsTest {

  private static final String AGENTIC = "business-cases/agentic-dispatch.yaml";

  private static QuarterlyReview review(Path repo) {
    return Reports.review(ReportInput.of(Examples.validate(repo, "statements")));
  }

  private static QuarterlyReview.CaseRow caseRow(QuarterlyReview review, String title) {
    return review.businessCases().cases().stream()
        .filter(x -> x.title().equals(title))
        .findFirst()
        .orElseThrow();
  }

  private static QuarterlyReview.UpcomingGate gate(QuarterlyReview review, String phase) {
    return review.priorities().gates().stream()
        .filter(g -> g.phase().equals(phase))
        .findFirst()
        .orElseThrow();
  }

  private static String figureDetail(QuarterlyReview review, String label) {
    return review.summary().figures().stream()
        .filter(f -> f.label().equals(label))
        .findFirst()
        .orElseThrow()
        .detail();
  }

  private static void asOf(Path repo, String date) throws IOException {
    Fixture.replace(repo, "waymark.yaml", "asOf: 2027-05-14", "asOf: " + date);
  }

  /** bc-financials-mismatch reports a declared ROI or IRR off the computed one: so does the row. */
  @Test
  void shouldNotCallACaseWhoseDeclaredRoiOrIrrDiffersAMatch(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(repo, AGENTIC, "roi: 128.6", "roi: 150");
    Fixture.replace(repo, AGENTIC, "irr: 56.2", "irr: 70");

    QuarterlyReview.CaseRow row =
        caseRow(review(repo), "Agentic dispatch assistant for delivery exceptions");

    assertThat(row.check()).isEqualTo("Differ");
    assertThat(row.rag()).isEqualTo(Rag.AMBER);
    assertThat(row.note())
        .isEqualTo(
            "declared IRR 70% differs from the computed one;"
                + " declared ROI 150% differs from the computed one");
  }

  /** A case that declares no figure has nothing to match. */
  @Test
  void shouldNotCallACaseThatDeclaresNothingAMatch(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(
        repo,
        "business-cases/edge-cold-chain.yaml",
        "    declared:\n      roi: 134.0\n      npv: 56385\n      irr: 58.4\n      paybackMonths: 16\n",
        "");

    QuarterlyReview.CaseRow row =
        caseRow(review(repo), "Edge anomaly detection on refrigerated trailers (experiment)");

    assertThat(row.check()).isEqualTo("None declared");
    assertThat(row.rag()).isEqualTo(Rag.NONE);
    assertThat(row.npv()).isEqualTo("EUR 56,385");
  }

  /** The total row counts one approved case as one, in the Markdown and the HTML. */
  @Test
  void shouldNameASingleApprovedCaseInTheSingular(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    for (String file :
        List.of(
            "data-foundations",
            "inference-economics",
            "knowledge-layer",
            "mlops-skills",
            "pipeline-automation")) {
      Fixture.replace(
          repo, "business-cases/" + file + ".yaml", "status: approved", "status: proposed");
    }

    RenderedReport rendered =
        Reports.render(ReportInput.of(Examples.validate(repo, "one approved")).withPdf(false));

    assertThat(rendered.text("qbr-2027-Q2.md"))
        .contains("| **1 approved case** |")
        .doesNotContain("1 approved cases");
    assertThat(rendered.text("qbr-2027-Q2.html")).contains("<td>1 approved case</td>");
  }

  /** A fact's percentage is written with its unit and one decimal: "−12.3%", not "−12.29". */
  @Test
  void shouldWriteAPercentageFactWithItsUnit(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    asOf(repo, "2028-04-14");

    assertThat(gate(review(repo), "Scale and Optimise").criteria())
        .filteredOn(k -> k.id().equals("gc-p3-cost-per-inference"))
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.target()).isEqualTo("≤ −40%");
              assertThat(k.current()).isEqualTo("−12.3% on 30 Apr 2027");
            });
  }

  /** A gate whose phase has ended is not "next" on a date as if it were still ahead. */
  @Test
  void shouldCallTheNextGateOverdueOnceItsPhaseHasEnded(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    asOf(repo, "2028-04-14");

    assertThat(figureDetail(review(repo), "Gates passed"))
        .isEqualTo("Next: Build Foundations, overdue since 3 October 2027");
  }

  /** A gate that failed is not the next gate on its date as if it were still ahead. */
  @Test
  void shouldSayTheNextGateFailed(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(
        repo,
        "roadmap.yaml",
        "        id: gate-build-foundations\n        status: pending\n",
        "        id: gate-build-foundations\n        status: failed\n"
            + "        decidedOn: 2027-05-10\n");

    assertThat(figureDetail(review(repo), "Gates passed"))
        .isEqualTo("Next: Build Foundations, failed (due 3 October 2027)");
  }

  /** Before a metric's first reading its gate criterion is judged on the baseline: said so. */
  @Test
  void shouldNotPresentABaselineAsTodaysReading(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    asOf(repo, "2027-01-15");

    QuarterlyReview review = review(repo);

    assertThat(gate(review, "Build Foundations").criteria())
        .filteredOn(k -> k.id().equals("gc-p2-team-trained"))
        .singleElement()
        .satisfies(k -> assertThat(k.current()).isEqualTo("12% (baseline, no reading yet)"));
  }

  /**
   * As of 14 May 2027 month 5 runs to 3 June: its planned spend is the whole month's, its actual
   * spend only what was booked by 14 May, and its row says so.
   */
  @Test
  void shouldNotGiveTheSpendToDateAsTheSpendOfTheMonthInProgress() {
    QuarterlyReview review = Reports.review(ReportInput.of(Examples.example()));

    assertThat(review.spend().months())
        .extracting(QuarterlyReview.BurnMonth::month)
        .containsExactly(
            "Month 1 (to 3 Feb 2027)",
            "Month 2 (to 3 Mar 2027)",
            "Month 3 (to 3 Apr 2027)",
            "Month 4 (to 3 May 2027)",
            "Month 5 (to 3 Jun 2027; actual to 14 May 2027)");
  }

  /**
   * A case that pays back after its horizon is "beyond horizon"; one that loses cash every year
   * never pays back, and "beyond horizon" would promise that it does.
   */
  @Test
  void shouldSayACaseThatLosesCashEveryYearNeverPaysBack(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    // Costs 66,000 a year: 70,000 of benefits pay back 84,000 after 21 years, 40,000 never.
    Fixture.replace(repo, AGENTIC, "annual: 105000", "annual: 45000");
    assertThat(
            caseRow(review(repo), "Agentic dispatch assistant for delivery exceptions").payback())
        .isEqualTo("beyond horizon");

    Fixture.replace(repo, AGENTIC, "annual: 45000", "annual: 15000");
    assertThat(
            caseRow(review(repo), "Agentic dispatch assistant for delivery exceptions").payback())
        .isEqualTo("never");
  }

  /**
   * A case with a negative NPV: the chip says so once (the note no longer repeats it), and the note
   * still says how its declared figures compare.
   */
  @Test
  void shouldSayHowANegativeNpvCasesDeclaredFiguresCompare(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(repo, AGENTIC, "annual: 105000", "annual: 15000");
    QuarterlyReview.CaseRow row =
        caseRow(review(repo), "Agentic dispatch assistant for delivery exceptions");
    assertThat(row.check()).isEqualTo("Negative NPV");
    assertThat(row.note()).startsWith("declared NPV EUR 80,934 differs").doesNotContain("negative");

    Fixture.replace(
        repo,
        AGENTIC,
        "    declared:\n      roi: 128.6\n      npv: 80934\n      irr: 56.2\n      paybackMonths: 16\n",
        "");
    row = caseRow(review(repo), "Agentic dispatch assistant for delivery exceptions");
    assertThat(row.check()).isEqualTo("Negative NPV");
    assertThat(row.note()).isEqualTo("no figures declared");
  }

  /**
   * A past quarter reviewed later (2027-Q1 as of 14 May 2027): a decision nothing in the plan needs
   * sooner is for the next review still to come, not "overdue since 31 March" (the vendor behind it
   * was evaluated in April).
   */
  @Test
  void shouldNotCallADecisionOverdueForAReviewThatPrecedesIt(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    QuarterlyReview q1 =
        Reports.review(
            ReportInput.of(Examples.validate(repo, "past quarter"))
                .withQuarter(Quarter.parse("2027-Q1")));

    QuarterlyReview.Decision helio =
        q1.decisions().items().stream()
            .filter(d -> d.subject().startsWith("Helio Cloud"))
            .findFirst()
            .orElseThrow();
    assertThat(helio.by()).isEqualTo("30 June 2027 (the next quarterly review)");
    assertThat(helio.rag()).isNotEqualTo(Rag.RED);
  }

  private static List<QuarterlyReview.Decision> gateDecisions(QuarterlyReview review, String gate) {
    return review.decisions().items().stream()
        .filter(d -> d.kind().equals("Gate") && d.subject().equals("Gate of " + gate))
        .toList();
  }

  /**
   * A failed gate is what a board must decide on (re-plan, waive or stop): it is a decision needed
   * since the day it failed, listed once, not only a challenge.
   */
  @Test
  void shouldAskForADecisionOnAFailedGate(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(
        repo,
        "roadmap.yaml",
        "        id: gate-build-foundations\n        status: pending\n",
        "        id: gate-build-foundations\n        status: failed\n        decidedOn: 2027-05-02\n");

    List<QuarterlyReview.Decision> rows = gateDecisions(review(repo), "Build Foundations");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).ask())
        .startsWith("Failed on 2 May 2027; ")
        .endsWith(
            "Re-plan the phase with the board, waive the gate with a recorded decision, or stop"
                + " the phase.");
    assertThat(rows.get(0).by()).isEqualTo("overdue since 2 May 2027 (the gate failed)");
    assertThat(rows.get(0).rag()).isEqualTo(Rag.RED);
  }

  /**
   * Long after both phases have ended, each undecided gate is overdue since its phase's end: the
   * later gate too, not only the next one.
   */
  @Test
  void shouldListEveryOverdueGateAsADecision(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    asOf(repo, "2028-09-01");

    QuarterlyReview review = review(repo);
    List<QuarterlyReview.Decision> foundations = gateDecisions(review, "Build Foundations");
    List<QuarterlyReview.Decision> scale = gateDecisions(review, "Scale and Optimise");

    assertThat(foundations).hasSize(1);
    assertThat(foundations.get(0).by())
        .isEqualTo("overdue since 3 October 2027 (end of Build Foundations)");
    assertThat(foundations.get(0).ask())
        .startsWith("The phase ended on 3 October 2027 and the gate is not decided. ");
    assertThat(scale).hasSize(1);
    assertThat(scale.get(0).by())
        .startsWith("overdue since ")
        .endsWith("(end of Scale and Optimise)");
    assertThat(scale.get(0).rag()).isEqualTo(Rag.RED);
  }

  /**
   * Spend with a budget of zero is the worst burn there is: it ranks first and says "no budget",
   * not 0% of a budget it does not have; the list, capped, says how many more initiatives record
   * spend and where they all are.
   */
  @Test
  void shouldRankSpendWithoutABudgetFirstAndCountTheRest(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(
        repo,
        "roadmap.yaml",
        "          impact: 4\n          effort: 1\n          budget: 90000\n"
            + "          businessCase: bc-inference-economics\n",
        "          impact: 4\n          effort: 1\n          budget: 0\n"
            + "          businessCase: bc-inference-economics\n");

    QuarterlyReview.Spend spend = review(repo).spend();
    // Each of the example's initiatives with actuals has some by 14 May 2027, none is stopped.
    int recording =
        java.util.regex.Pattern.compile("\\n *actuals:")
            .matcher(java.nio.file.Files.readString(repo.resolve("roadmap.yaml")))
            .results()
            .mapToInt(m -> 1)
            .sum();

    QuarterlyReview.BurningInitiative first = spend.fastest().get(0);
    assertThat(first.title()).isEqualTo("Pool the idle GPUs and meter cost per inference");
    assertThat(first.spentShare()).isEqualTo("no budget");
    assertThat(first.lead()).isEqualTo("spent without a budget");
    assertThat(first.rag()).isEqualTo(Rag.RED);
    assertThat(spend.fastest()).hasSize(5);
    // Every initiative that records spend by the as-of date is either listed or counted.
    assertThat(spend.moreFastest().count()).isEqualTo(recording - 5);
    assertThat(spend.moreFastest().text())
        .startsWith("… and " + (recording - 5) + " more initiatives that record spend,")
        .contains("initiatives[].actuals");
  }

  private static QuarterlyReview.PhaseRow phaseRow(QuarterlyReview review, String phase) {
    return review.timeline().phases().stream()
        .filter(p -> p.name().equals(phase))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The phase table gives months ("Apr 2027 to Oct 2027"), but Build Foundations ends on 3 October
   * 2027: a gate still to be decided says its day, and once that day has passed, that it is
   * overdue.
   */
  @Test
  void shouldGiveAPendingGateItsDayNotItsMonth(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    QuarterlyReview.PhaseRow pending = phaseRow(review(repo), "Build Foundations");
    asOf(repo, "2028-09-01");
    QuarterlyReview.PhaseRow late = phaseRow(review(repo), "Build Foundations");

    assertThat(pending.months()).isEqualTo("Apr 2027 to Oct 2027");
    assertThat(pending.gateStatus()).isEqualTo("Pending, due 3 Oct 2027");
    assertThat(pending.rag()).isEqualTo(Rag.NONE);
    assertThat(late.gateStatus()).isEqualTo("Pending, overdue since 3 Oct 2027");
    assertThat(late.rag()).isEqualTo(Rag.RED);
  }
}
