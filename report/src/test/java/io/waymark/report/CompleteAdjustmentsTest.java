package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.report.view.Quarter;
import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 2: "Roadmap adjustments" lists business-case figures (planned investment, NPV, the
 * edited figures) and vendor decisions with the reason for the change, and marks the changes of a
 * work tree as not yet committed.
 */
class CompleteAdjustmentsTest {

  @TempDir Path tmp;

  private static final String CASE = "business-cases/agentic-dispatch.yaml";
  private static final String NIMBUS = "vendors/gpu-cloud-capacity.yaml";

  /**
   * The example at the end of Q1 as far as this test is concerned: the agentic dispatch case's
   * personnel one-off cost was EUR 30,000 (now 40,000) and Nimbus GPU Cloud was in due diligence
   * (now go). The example's Governance file records why both changed in Q2.
   */
  /** The review of {@code head} with its changes since the end of Q1. */
  private QuarterlyReview sinceEndOfQ1(ValidationResult head) throws IOException {
    return Reports.review(ReportInput.of(head).withDiff(PlanDiff.between(endOfQ1(), head)));
  }

  private ValidationResult endOfQ1() throws IOException {
    Path base = Examples.copyExample(tmp.resolve("base"));
    Fixture.replace(base, CASE, "oneOff: 40000", "oneOff: 30000");
    Fixture.replace(base, NIMBUS, "      decision: go\n", "      decision: diligence\n");
    return Examples.validate(base, "commit 0000001 of 31 March 2027");
  }

  @Test
  void shouldListBusinessCaseFiguresAndVendorDecisionsWithTheirReasons() throws IOException {
    ValidationResult now = Examples.example();
    PlanDiff diff = PlanDiff.between(endOfQ1(), now);

    QuarterlyReview review = Reports.review(ReportInput.of(now).withDiff(diff));

    assertThat(review.adjustments().changes())
        .extracting(
            QuarterlyReview.Change::area,
            QuarterlyReview.Change::subject,
            QuarterlyReview.Change::description,
            QuarterlyReview.Change::why,
            QuarterlyReview.Change::when)
        .contains(
            // One-off costs 60,000 → 70,000 with 20 % contingency: 72,000 → 84,000.
            tuple(
                "Business case",
                "Agentic dispatch assistant for delivery exceptions",
                "planned investment EUR 72,000 to EUR 84,000; computed NPV EUR 92,934 to EUR"
                    + " 80,934; costs personnel one-off EUR 30,000 to EUR 40,000",
                "decision dec-agentic-pilot-go: Agentic dispatch pilot may start (re-assessment"
                    + " meets agentic readiness) (approved, 30 April 2027)",
                "since Q1 2027"),
            tuple(
                "Vendor",
                "Nimbus GPU Cloud",
                "decision diligence to go",
                "decision dec-vendor-nimbus-gpu: Nimbus GPU Cloud selected for peak-season burst"
                    + " capacity (go, 84.0 %) (approved, 7 May 2027)",
                "since Q1 2027"));
  }

  /**
   * A delivery and a count of findings need no reason ("—", not "not recorded"); a gate decided in
   * the quarter gives its evidence as its reason, and is named by its phase's name, as the rest of
   * the review names it.
   */
  @Test
  void shouldGiveAGateDecisionItsEvidenceAndNotAskADeliveryForItsReason() throws IOException {
    Path base = Examples.copyExample(tmp.resolve("base"));
    Fixture.replace(
        base,
        "roadmap.yaml",
        "        status: passed\n        decidedOn: 2027-03-31\n",
        "        status: pending\n");
    Fixture.replace(
        base,
        "roadmap.yaml",
        "          due: 2027-04-23\n          status: done\n          completedOn: 2027-04-21\n",
        "          due: 2027-04-23\n          status: in-progress\n");
    ValidationResult now = Examples.example();
    PlanDiff diff =
        PlanDiff.between(Examples.validate(base, "commit 0000001 of 31 March 2027"), now);

    QuarterlyReview review = Reports.review(ReportInput.of(now).withDiff(diff));

    assertThat(review.adjustments().changes())
        .extracting(
            QuarterlyReview.Change::area,
            QuarterlyReview.Change::subject,
            QuarterlyReview.Change::description,
            QuarterlyReview.Change::why)
        .contains(
            tuple(
                "Milestone",
                "Vector database deployed (pilot tier)",
                "status changed from in progress to done, completed 21 April 2027",
                "—"),
            tuple(
                "Gate",
                "Gate of Assess and Stabilise",
                "status changed from pending to passed; decided on 31 March 2027",
                "evidence: https://wiki.northwind.example/ai-programme/gates/phase-1-review-2027-03-31;"
                    + " metrics/executive-dashboard.yaml#pilot-downtime-pct;"
                    + " assessment/2027-01-assessment.yaml"));
    assertThat(review.adjustments().changes())
        .filteredOn(c -> c.area().equals("Validation"))
        .extracting(QuarterlyReview.Change::why)
        .containsOnly("—");
  }

  /**
   * The board's decisions of the quarter are listed with the roadmap adjustments: a decision may
   * record a setback (a failed gate, an overspend accepted), which is no win.
   */
  @Test
  void shouldListTheBoardsDecisionsWithTheAdjustmentsNotAsWins() throws IOException {
    RenderedReport out = Reports.render(ReportInput.of(Examples.example()).withPdf(false));
    for (String file : List.of("qbr-2027-Q2.md", "qbr-2027-Q2.html")) {
      String text = out.text(file);
      int wins = text.indexOf("Wins since the last review");
      int adjustments = text.indexOf("Roadmap adjustments", wins);
      int decisions = text.indexOf("Board decisions this quarter");
      int priorities = text.indexOf("Next quarter", adjustments);
      assertThat(wins).as(file).isPositive();
      assertThat(decisions).as(file).isGreaterThan(adjustments).isLessThan(priorities);
      assertThat(text.indexOf("Board decisions this quarter", decisions + 1))
          .as(file)
          .isEqualTo(-1);
    }
  }

  /** An initiative stopped in the quarter: when, with what spent of its budget, and why. */
  @Test
  void shouldTellAnInitiativeStoppedInTheQuarter() throws IOException {
    Path now = Examples.copyExample(tmp.resolve("now"));
    String actual =
        "            - {date: 2027-04-30, amount: 48000, source: finance-export-2027-04}\n";
    Fixture.replace(
        now,
        "roadmap.yaml",
        actual,
        actual
            + "          stopped:\n            on: 2027-05-02\n"
            + "            reason: Superseded by the vendor's managed pipelines\n"
            + "            decision: dec-roadmap-2027-approved\n");
    ValidationResult stopped = Examples.validate(now, "now");
    PlanDiff diff = PlanDiff.between(Examples.example(), stopped);

    QuarterlyReview review = Reports.review(ReportInput.of(stopped).withDiff(diff));

    assertThat(review.adjustments().changes())
        .extracting(
            QuarterlyReview.Change::area,
            QuarterlyReview.Change::subject,
            QuarterlyReview.Change::description,
            QuarterlyReview.Change::why)
        .contains(
            tuple(
                "Initiative",
                "Automated ETL for carrier, customs and warehouse datasets",
                "stopped on 2 May 2027 with EUR 48,000 spent of EUR 220,000",
                "Superseded by the vendor's managed pipelines (decision"
                    + " dec-roadmap-2027-approved)"));
    assertThat(diff.initiatives())
        .singleElement()
        .satisfies(i -> assertThat(i.budgetSame()).isTrue());
  }

  @Test
  void shouldMarkTheWorkTreesChangesAsNotYetCommitted() throws IOException {
    ValidationResult head = Examples.example();
    Path work = Examples.copyExample(tmp.resolve("work"));
    Fixture.replace(work, "roadmap.yaml", "due: 2027-06-25", "due: 2027-07-09");
    Fixture.replace(work, CASE, "oneOff: 40000", "oneOff: 45000");
    ValidationResult workTree = Examples.validate(work, "work");
    ReportInput input =
        ReportInput.of(workTree)
            .withDiff(PlanDiff.between(endOfQ1(), head))
            .withUncommitted(PlanDiff.between(head, workTree));

    QuarterlyReview review = Reports.review(input);

    assertThat(review.adjustments().basis())
        .endsWith(
            "The working tree has changes on top of example-roadmap: they are listed as not yet"
                + " committed.");
    assertThat(review.adjustments().changes())
        .filteredOn(c -> c.when().equals("not yet committed"))
        .extracting(QuarterlyReview.Change::area, QuarterlyReview.Change::description)
        .containsExactly(
            tuple("Milestone", "slipped from 25 June 2027 to 9 July 2027 (+14 days)"),
            tuple(
                "Business case",
                "planned investment EUR 84,000 to EUR 90,000; computed NPV EUR 80,934 to EUR"
                    + " 74,934; costs personnel one-off EUR 40,000 to EUR 45,000"),
            // The declared NPV, IRR, ROI and payback no longer match the edited costs.
            tuple("Validation", "4 new findings, 0 findings fixed"));
    // The committed change of the quarter is still there, once.
    assertThat(review.adjustments().changes())
        .filteredOn(c -> c.subject().equals("Agentic dispatch assistant for delivery exceptions"))
        .extracting(QuarterlyReview.Change::when)
        .containsExactly("since Q1 2027", "not yet committed");
    String md = Reports.render(input.withPdf(false)).text("qbr-2027-Q2.md");
    assertThat(md)
        .contains(
            "| Milestone | First MLOps training cohort certified | slipped from 25 June 2027 to 9"
                + " July 2027 (+14 days) | not recorded | not yet committed |");
  }

  /**
   * A use case retired is a change a reader asks "why" about: the row names the use case by its
   * title and gives the Governance decision about it (else "not recorded"), where a pilot reaching
   * production needs no reason.
   */
  @Test
  void shouldGiveAUseCaseRetiredItsTitleAndTheDecisionBehindIt() throws IOException {
    Path now = Examples.copyExample(tmp.resolve("retired"));
    Fixture.replace(
        now,
        "use-cases/warehouse-demand-forecast.yaml",
        "  status: pilot\n  since: 2027-02-15\n",
        "  status: retired\n  since: 2027-05-10\n");
    Fixture.replace(
        now,
        "governance.yaml",
        "  decisions:\n",
        "  decisions:\n    - {id: dec-forecast-retired, date: 2027-05-10, title: Volume forecast"
            + " pilot stopped, outcome: approved, relatesTo: [uc-warehouse-demand-forecast]}\n");
    ValidationResult head = Examples.validate(now, "now");

    QuarterlyReview review = sinceEndOfQ1(head);

    assertThat(review.adjustments().changes())
        .filteredOn(c -> c.area().equals("Use case"))
        .extracting(
            QuarterlyReview.Change::subject,
            QuarterlyReview.Change::description,
            QuarterlyReview.Change::why)
        .containsExactly(
            tuple(
                "Inbound volume forecast for warehouse labour planning",
                "status changed from pilot to retired",
                "decision dec-forecast-retired: Volume forecast pilot stopped (approved, 10 May"
                    + " 2027)"));
  }

  /**
   * A gate failed has no evidence to show; the board's decision about it is the reason, not "not
   * recorded".
   */
  @Test
  void shouldGiveAFailedGateTheDecisionAboutIt() throws IOException {
    Path now = Examples.copyExample(tmp.resolve("failed"));
    Fixture.replace(
        now,
        "roadmap.yaml",
        "id: gate-build-foundations\n        status: pending\n",
        "id: gate-build-foundations\n        status: failed\n        decidedOn: 2027-05-10\n");
    Fixture.replace(
        now,
        "governance.yaml",
        "  decisions:\n",
        "  decisions:\n    - {id: dec-gate-2-failed, date: 2027-05-10, title: Gate 2 not passed,"
            + " outcome: approved, relatesTo: [gate-build-foundations]}\n");
    ValidationResult head = Examples.validate(now, "now");

    QuarterlyReview review = sinceEndOfQ1(head);

    assertThat(review.adjustments().changes())
        .filteredOn(c -> c.area().equals("Gate"))
        .extracting(QuarterlyReview.Change::subject, QuarterlyReview.Change::why)
        .containsExactly(
            tuple(
                "Gate of Build Foundations",
                "decision dec-gate-2-failed: Gate 2 not passed (approved, 10 May 2027)"));
  }

  /** A KPI target raised or moved is a goalpost moved: the adjustments list it. */
  @Test
  void shouldListAMetricTargetThatChanged() throws IOException {
    Path now = Examples.copyExample(tmp.resolve("target"));
    Fixture.replace(
        now,
        "metrics/executive-dashboard.yaml",
        "        value: 2.80\n        by: 2028-05-31\n",
        "        value: 1.50\n        by: 2029-03-01\n");
    ValidationResult head = Examples.validate(now, "now");

    QuarterlyReview review = sinceEndOfQ1(head);

    assertThat(review.adjustments().changes())
        .filteredOn(c -> c.area().equals("Metric target"))
        .extracting(QuarterlyReview.Change::subject, QuarterlyReview.Change::description)
        .containsExactly(
            tuple(
                "Cost per 1,000 inferences (all production models)",
                "changed from EUR 2.80 by 31 May 2028 to EUR 1.50 by 1 March 2029"));
  }

  /**
   * A refresh that appends a phase: the adjustments name the phase added, not only its gate,
   * milestones and initiatives.
   */
  @Test
  void shouldListAPhaseAddedSinceTheEndOfTheLastQuarter() throws IOException {
    Path base = Examples.copyExample(tmp.resolve("two-phases"));
    String text = Files.readString(base.resolve("roadmap.yaml"));
    Files.writeString(
        base.resolve("roadmap.yaml"),
        text.substring(0, text.indexOf("\n    - id: phase-scale-optimise\n") + 1));
    ValidationResult endOfQ1 = Examples.validate(base, "commit 0000001 of 31 March 2027");

    QuarterlyReview review =
        Reports.review(
            ReportInput.of(Examples.example())
                .withDiff(PlanDiff.between(endOfQ1, Examples.example())));

    assertThat(review.adjustments().changes())
        .filteredOn(c -> c.area().equals("Phase"))
        .extracting(QuarterlyReview.Change::subject, QuarterlyReview.Change::description)
        .contains(tuple("Scale and Optimise", "added, months 10–18 (planned)"));
  }

  @Test
  void shouldNameARoadmapTheEndOfTheQuarterCouldNotReadInsteadOfListingItAdded()
      throws IOException {
    Path base = Examples.copyExample(tmp.resolve("broken"));
    Fixture.replace(base, "roadmap.yaml", "title: AI", "title: [unclosed AI");
    ValidationResult endOfQ1 = Examples.validate(base, "commit 0000001 of 31 March 2027");

    QuarterlyReview review =
        Reports.review(
            ReportInput.of(Examples.example())
                .withDiff(PlanDiff.between(endOfQ1, Examples.example())));

    assertThat(review.adjustments().basis())
        .endsWith(
            "Not compared, so not listed: roadmap.yaml (it could not be read in commit 0000001 of"
                + " 31 March 2027).");
    assertThat(review.adjustments().changes())
        .extracting(QuarterlyReview.Change::area)
        .doesNotContain("Milestone", "Gate", "Initiative", "Phase");
  }

  @Test
  void shouldSayTheRoadmapCannotBeReadNowInsteadOfListingItRemoved() throws IOException {
    Path now = Examples.copyExample(tmp.resolve("now"));
    Fixture.replace(now, "roadmap.yaml", "title: AI", "title: [unclosed AI");
    ValidationResult broken = Examples.validate(now, "now");

    QuarterlyReview review = sinceEndOfQ1(broken);

    assertThat(review.adjustments().basis())
        .endsWith("Not compared, so not listed: roadmap.yaml (it cannot be read now).");
    assertThat(review.adjustments().changes())
        .extracting(QuarterlyReview.Change::area)
        .doesNotContain("Milestone", "Gate", "Initiative", "Phase");
  }

  /** A history of one roadmap commit, on {@code day}. */
  private static PlanHistory historyFrom(String day, ValidationResult plan) {
    Commit commit =
        new Commit(
            "1a2b3c4d5e6f1a2b3c4d5e6f1a2b3c4d5e6f1a2b",
            LocalDate.parse(day).atTime(9, 0).toInstant(ZoneOffset.UTC),
            "Kim",
            "The roadmap",
            0);
    return new PlanHistory(
        List.of(new Snapshot<>(commit, "roadmap.yaml", plan.plan().roadmap().orElseThrow())),
        Map.of(),
        List.of(),
        Optional.empty(),
        true);
  }

  /** A history of roadmap commits, oldest first on the first-parent line, one per day given. */
  private static PlanHistory historyOf(ValidationResult plan, String... days) {
    List<Snapshot<io.waymark.engine.model.Roadmap>> versions = new java.util.ArrayList<>();
    for (int k = 0; k < days.length; k++) {
      Commit commit =
          new Commit(
              String.format("%040x", k + 1),
              LocalDate.parse(days[k]).atTime(9, 0).toInstant(ZoneOffset.UTC),
              "Kim",
              "Roadmap change " + (k + 1),
              k == 0 ? 0 : 1);
      versions.add(new Snapshot<>(commit, "roadmap.yaml", plan.plan().roadmap().orElseThrow()));
    }
    return new PlanHistory(versions, Map.of(), List.of(), Optional.empty(), true);
  }

  /**
   * A first commit dated after its children (made with the clock of the day, the rest with the
   * dates of the events they record: a skewed clock, a rebase): the end of Q4 is the last commit of
   * Q4 on the line, not the first commit, whose date happens to be later.
   */
  @Test
  void shouldTakeTheStateAtTheQuartersEndAlongTheLineWhenACommitIsDatedAfterItsChildren()
      throws IOException {
    ValidationResult now = Examples.example();
    PlanHistory skewed = historyOf(now, "2026-12-06", "2026-03-03", "2026-12-04", "2027-01-08");
    ReportInput input =
        ReportInput.of(now).withQuarter(Quarter.parse("2027-Q1")).withHistory(skewed);

    assertThat(Reports.endOfPreviousQuarter(input))
        .map(Commit::subject)
        .contains("Roadmap change 3");
    // The history's first commit is the first on the line, whatever its date.
    ReportInput before =
        ReportInput.of(now).withQuarter(Quarter.parse("2026-Q1")).withHistory(skewed);
    assertThat(Reports.endOfPreviousQuarter(before)).isEmpty();
    assertThat(Reports.startOfHistory(before)).map(Commit::subject).contains("Roadmap change 1");
  }

  /**
   * A roadmap repository created mid-quarter: its first commit is the base (business cases and
   * vendors included), and the review says so instead of "since Q1 2027".
   */
  @Test
  void shouldCountFromTheFirstCommitWhenTheHistoryStartsMidQuarter() throws IOException {
    ValidationResult now = Examples.example();
    Quarter q2 = Quarter.containing(now.asOf());
    PlanHistory late = historyFrom("2027-04-12", now);
    ReportInput lateInput = ReportInput.of(now).withQuarter(q2).withHistory(late);
    assertThat(Reports.endOfPreviousQuarter(lateInput)).isEmpty();
    assertThat(Reports.startOfHistory(lateInput))
        .map(Commit::shortId)
        .contains(late.roadmap().get(0).commit().shortId());
    // With a commit before the quarter, that one is the base, as before.
    ReportInput earlyInput =
        ReportInput.of(now).withQuarter(q2).withHistory(historyFrom("2027-03-20", now));
    assertThat(Reports.startOfHistory(earlyInput)).isEmpty();
    assertThat(Reports.endOfPreviousQuarter(earlyInput)).isPresent();

    PlanDiff diff = PlanDiff.between(endOfQ1(), now);
    QuarterlyReview review = Reports.review(ReportInput.of(now).withHistory(late).withDiff(diff));

    assertThat(review.adjustments().basis())
        .startsWith(
            "The Git history starts after the end of Q1 2027 (31 March 2027): compared with its"
                + " first commit, ");
    assertThat(review.adjustments().changes())
        .extracting(QuarterlyReview.Change::area, QuarterlyReview.Change::when)
        .contains(
            tuple("Business case", "since " + diff.base()),
            tuple("Vendor", "since " + diff.base()));
  }
}
