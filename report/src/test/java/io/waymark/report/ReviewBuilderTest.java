package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Revision;
import io.waymark.report.chart.Rag;
import io.waymark.report.view.Quarter;
import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each section of the example's Q2 2027 review says, with and without Git history. */
class ReviewBuilderTest {

  private static final String DASHBOARD = "metrics/executive-dashboard.yaml";

  private static ValidationResult example;
  private static QuarterlyReview review;

  @BeforeAll
  static void build() {
    example = Examples.example();
    review = Reports.review(ReportInput.of(example));
  }

  @Test
  void shouldSummariseTheQuarterInAmber() {
    assertThat(review.header().quarterLabel()).isEqualTo("Q2 2027");
    assertThat(review.header().asOf()).isEqualTo("14 May 2027");
    assertThat(review.summary().rag()).isEqualTo(Rag.AMBER);
    assertThat(review.summary().reasons()).contains("1 milestone is at risk");
    assertThat(review.summary().headline())
        .startsWith(
            "Build Foundations is under way (month 5 of 18): 2 milestones delivered this quarter");
    assertThat(review.summary().figures())
        .extracting(QuarterlyReview.Figure::label, QuarterlyReview.Figure::value)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Programme budget", "EUR 1,800,000"),
            org.assertj.core.groups.Tuple.tuple("Gates passed", "1 of 3"));
    // Planned, not spent: the approved cases' investment is a plan (issue 15).
    assertThat(review.summary().figures())
        .filteredOn(f -> f.label().equals("NPV of approved cases"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.detail())
                    .isEqualTo("6 cases, EUR 1,241,500 planned investment")
                    .doesNotContain("invested"));
  }

  @Test
  void shouldListTheWinsOfTheQuarter() {
    assertThat(review.wins().milestones())
        .extracting(
            QuarterlyReview.DeliveredMilestone::title,
            QuarterlyReview.DeliveredMilestone::timeliness)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Vector database deployed (pilot tier)", "2 days early"),
            org.assertj.core.groups.Tuple.tuple(
                "Readiness re-assessment before the first agentic pilot", "on the day"));
    assertThat(review.wins().gates()).isEmpty();
    assertThat(review.wins().decisions()).hasSize(3);
  }

  @Test
  void shouldMeasureAReplannedDeliveryAgainstTheDateItSlippedTo() throws IOException {
    // The vector database was first due on 9 April; Git shows it moved to 23 April, and it came on
    // 21 April: 2 days before the re-planned date, 12 days after the first one; never "early".
    String roadmap = exampleText("roadmap.yaml");
    FakeHistory git = new FakeHistory();
    git.add(
        "roadmap.yaml",
        "2027-01-12",
        "Roadmap approved",
        roadmap.replace("due: 2027-04-23", "due: 2027-04-09"));
    git.add("roadmap.yaml", "2027-03-30", "Vector database moved", roadmap);

    QuarterlyReview withHistory = reviewWith(git);

    assertThat(withHistory.wins().milestones())
        .extracting(
            QuarterlyReview.DeliveredMilestone::title,
            QuarterlyReview.DeliveredMilestone::timeliness)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "Vector database deployed (pilot tier)",
                "2 days before its re-planned due date of 23 April 2027 (first due 9 April 2027)"));
    // The timeline's marker says the same, its dates written out (it said "delivered 21 apr").
    assertThat(withHistory.timeline().svg())
        .contains(
            "<title>Vector database deployed (pilot tier): due 23 April 2027 (first due 9 April"
                + " 2027), delivered 21 April 2027")
        .doesNotContainPattern("delivered \\d+ [a-z]{3} ");
  }

  /**
   * An open milestone moved later: without a reason the next step asks for one; with its reason
   * recorded (its own 'replanned' entry, or its phase's) it does not ask for it again.
   */
  @Test
  void shouldNotAskForTheReasonOfAnOpenMilestonesMoveThatRecordsIt(@TempDir Path dir)
      throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    String roadmap = Files.readString(repo.resolve("roadmap.yaml"), StandardCharsets.UTF_8);
    String explained =
        roadmap.replace(
            "          due: 2027-06-18\n",
            "          due: 2027-06-18\n          replanned:\n            - {on: 2027-03-30,"
                + " reason: Customs dataset owner joined late}\n");
    for (String now : List.of(roadmap, explained)) {
      QuarterlyReview.TroubledMilestone wave =
          movedOn30March(
              repo,
              roadmap.replace("due: 2027-06-18", "due: 2027-05-28"),
              now,
              "ETL wave moved",
              "Automated ETL for carrier");

      assertThat(wave.nextStep())
          .isEqualTo(
              now == roadmap
                  ? "Agree a firm date with the board; record why in 'replanned'"
                  : "Hold the re-planned date; why it moved is recorded");
    }
  }

  /**
   * The challenge of the milestone titled {@code title} (its start) when the roadmap was {@code
   * approved} on 12 January and is {@code now} since a commit of 30 March with {@code message}.
   */
  private static QuarterlyReview.TroubledMilestone movedOn30March(
      Path repo, String approved, String now, String message, String title) throws IOException {
    Files.writeString(repo.resolve("roadmap.yaml"), now, StandardCharsets.UTF_8);
    ValidationResult result = Examples.validate(repo, "now");
    FakeHistory git = new FakeHistory();
    git.add("roadmap.yaml", "2027-01-12", "Roadmap approved", approved);
    git.add("roadmap.yaml", "2027-03-30", message, now);
    PlanHistory history =
        PlanHistory.read(git, result.load().documents(), result.load().config().limits());
    return Reports.review(ReportInput.of(result).withHistory(history))
        .challenges()
        .milestones()
        .stream()
        .filter(m -> m.title().startsWith(title))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldNotCallAMilestoneDeliveredByItsReplannedDateLate(@TempDir Path dir)
      throws IOException {
    // Moved from 9 to 23 April, delivered on 21 April: it slipped, it was not late. With only a
    // commit message behind the move, the next step asks for the reason; with a 'replanned' entry,
    // the challenge tells it and asks for nothing.
    Path repo = Examples.copyExample(dir.resolve("repo"));
    String roadmap = Files.readString(repo.resolve("roadmap.yaml"), StandardCharsets.UTF_8);
    String explained =
        roadmap.replace(
            "          completedOn: 2027-04-21\n",
            "          completedOn: 2027-04-21\n          replanned:\n            - {on: 2027-03-30,"
                + " reason: Storage arrived late}\n");
    for (String now : List.of(roadmap, explained)) {
      QuarterlyReview.TroubledMilestone vector =
          movedOn30March(
              repo,
              roadmap.replace("due: 2027-04-23", "due: 2027-04-09"),
              now,
              "Vector database moved",
              "Vector database deployed (pilot tier)");

      assertThat(vector.nextStep()).doesNotContain("late");
      if (now == roadmap) {
        assertThat(vector.slips())
            .containsExactly(
                "9 April 2027 to 23 April 2027 (+14 days), commit 0000002 of 30 March 2027:"
                    + " commit: Vector database moved");
        assertThat(vector.nextStep())
            .isEqualTo("Record why it moved in 'replanned', for the lessons of the next plan");
      } else {
        assertThat(vector.slips())
            .containsExactly(
                "9 April 2027 to 23 April 2027 (+14 days), commit 0000002 of 30 March 2027:"
                    + " Storage arrived late (2027-03-30)");
        assertThat(vector.nextStep())
            .isEqualTo("None: delivered by its re-planned date, and why it moved is recorded");
      }
    }
  }

  @Test
  void shouldNotAskToReplanAFailedGateWhosePhaseWasReplannedSince(@TempDir Path dir)
      throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(
        repo,
        "roadmap.yaml",
        "      months: [4, 9]\n      status: in-progress\n      gate:\n"
            + "        id: gate-build-foundations\n        status: pending\n",
        "      months: [4, 9]\n      status: in-progress\n      gate:\n"
            + "        id: gate-build-foundations\n        status: failed\n"
            + "        decidedOn: 2027-05-10\n");
    QuarterlyReview.Indicator failed = gateIndicator(Examples.validate(repo, "failed"));
    assertThat(failed.detail()).isEqualTo("Failed on 10 May 2027");
    assertThat(failed.nextStep())
        .isEqualTo("Re-plan the phase with the board, or waive the gate with a recorded decision");

    Fixture.replace(
        repo,
        "roadmap.yaml",
        "      months: [4, 9]\n      status: in-progress\n",
        "      months: [4, 12]\n      status: in-progress\n      replanned:\n"
            + "        - {on: 2027-05-12, reason: Gate 2 failed, decision: dec-roadmap-2027-approved}\n");
    QuarterlyReview.Indicator replanned = gateIndicator(Examples.validate(repo, "replanned"));
    assertThat(replanned.nextStep())
        .isEqualTo(
            "Re-planned on 12 May 2027 (decision dec-roadmap-2027-approved): decide the gate again by 3"
                + " January 2028");
  }

  /**
   * A waived gate let its phase close without passing, and a waiver that ran out with the shortfall
   * still there opens the question again: not "2 of 3 gates passed", nor a quarter without
   * challenges.
   */
  @Test
  void shouldNotCountAWaivedGateAsPassedNorHideItsExpiredWaiver(@TempDir Path dir)
      throws IOException {
    QuarterlyReview review =
        reviewWithGate2(
            dir,
            "status: waived\n        decidedOn: 2027-04-10\n        waiver:\n"
                + "          decision: dec-roadmap-2027-approved\n"
                + "          reason: Two use cases in production, a third in pilot\n"
                + "          expires: 2027-05-01\n");

    QuarterlyReview.Figure gates = gatesPassed(review);
    assertThat(gates.value()).isEqualTo("1 of 3");
    assertThat(gates.detail())
        .startsWith("Waived: Build Foundations (its waiver expired on 1 May 2027). Next:");
    assertThat(review.summary().headline()).contains("and 1 gate waived");
    QuarterlyReview.Indicator waiver = gate2Indicator(review);
    assertThat(waiver.rag()).isEqualTo(Rag.AMBER);
    assertThat(waiver.detail())
        .startsWith(
            "Waiver expired on 1 May 2027 (decision dec-roadmap-2027-approved); still not met: ");
  }

  /**
   * A stopped initiative keeps its row in the prioritisation matrix, marked, with what it spent;
   * the 70-20-10 table and the programme's figures count its spend, not its budget (EUR 48,000 of
   * EUR 220,000: the initiatives come to 1,500,000 - 172,000).
   */
  @Test
  void shouldShowAStoppedInitiativeWithItsSpendNotItsBudget(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    String actual =
        "            - {date: 2027-04-30, amount: 48000, source: finance-export-2027-04}\n";
    Fixture.replace(
        repo,
        "roadmap.yaml",
        actual,
        actual
            + "          stopped:\n            on: 2027-05-02\n"
            + "            reason: Superseded by the vendor's managed pipelines\n");

    String md =
        Reports.render(ReportInput.of(Examples.validate(repo, "stopped")).withPdf(false))
            .text("qbr-2027-Q2.md");

    assertThat(md)
        .contains(
            "| Automated ETL for carrier, customs and warehouse datasets (stopped 2 May 2027:"
                + " Superseded by the vendor's managed pipelines) |")
        .contains("| EUR 48,000 spent of EUR 220,000 |")
        .contains("| **All initiatives** | **EUR 1,328,000** |")
        .contains("EUR 1,328,000 in 12 initiatives")
        .contains(" of the initiative budgets of EUR 1,328,000) and delivered ");
    // The timeline's initiative bar says so too.
    assertThat(Reports.review(ReportInput.of(Examples.validate(repo, "stopped"))).timeline().svg())
        .contains(
            "<title>Automated ETL for carrier, customs and warehouse datasets (stopped 2 May 2027):"
                + " budget EUR 220,000, EUR 48,000 spent by 14 May 2027 (22%)</title>");
  }

  /**
   * A gate marked passed whose criteria were not met on the day (gate-criteria-unmet) is no win and
   * no pass in the figures: it is a red challenge, with the criteria it lacked.
   */
  @Test
  void shouldNotPresentAPassOnlyClaimedAsAWin(@TempDir Path dir) throws IOException {
    QuarterlyReview review =
        reviewWithGate2(
            dir,
            "status: passed\n        decidedOn: 2027-05-12\n"
                + "        evidence: [Steering committee minutes]\n");

    assertThat(review.wins().gates()).extracting(QuarterlyReview.PassedGate::phase).isEmpty();
    QuarterlyReview.Figure gates = gatesPassed(review);
    assertThat(gates.value()).isEqualTo("1 of 3");
    assertThat(gates.detail()).startsWith("1 gate marked passed without its criteria met.");
    assertThat(review.summary().headline()).doesNotContain("gate passed");
    QuarterlyReview.Indicator claimed = gate2Indicator(review);
    assertThat(claimed.rag()).isEqualTo(Rag.RED);
    assertThat(claimed.detail()).startsWith("Marked passed on 12 May 2027, but not met then: ");
    assertThat(review.timeline().phases())
        .filteredOn(r -> r.name().equals("Build Foundations"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.gateStatus()).isEqualTo("Marked passed 12 May 2027, criteria not met");
              assertThat(r.rag()).isEqualTo(Rag.RED);
            });
  }

  @Test
  void shouldSayWhenTheStatusDateIsBeforeTheRoadmapAndItsRecords(@TempDir Path dir)
      throws IOException {
    assertThat(review.summary().reasons())
        .noneMatch(r -> r.startsWith("The roadmap starts on"))
        .noneMatch(r -> r.contains("dated after the status date"));

    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(repo, "waymark.yaml", "asOf: 2027-05-14", "asOf: 2026-11-02");
    QuarterlyReview early = Reports.review(ReportInput.of(Examples.validate(repo, "early")));

    assertThat(early.summary().reasons())
        .contains(
            "The roadmap starts on 4 January 2027, after this review's status date: its phases,"
                + " milestones and gates are shown as the files declare them")
        .anyMatch(
            r ->
                r.matches(
                    "\\d+ records are dated after the status date \\(2 November 2026\\): the"
                        + " figures below count them as the files write them"));
  }

  /**
   * A suppressed recorded-after-as-of finding silences the warning, not the fact: the records are
   * still dated after the status date and the figures still count them, so the summary counts them.
   * Turning the rule off in waymark.yaml made the reason disappear: it is counted from the plan, so
   * the summary says the same with the rule on, suppressed or off.
   */
  @Test
  void shouldCountRecordsDatedAfterTheStatusDateWhateverTheRuleSays(@TempDir Path dir)
      throws IOException {
    String on = laterRecordsReason(dir.resolve("on"), repo -> {});
    String suppressed =
        laterRecordsReason(
            dir.resolve("suppressed"),
            repo ->
                Fixture.suppress(
                    repo, "recorded-after-as-of", "governance.yaml", "pmo", "2099-01-01"));
    String off =
        laterRecordsReason(
            dir.resolve("off"), repo -> Fixture.severity(repo, "recorded-after-as-of", "off"));

    assertThat(on)
        .matches(
            "\\d+ records are dated after the status date \\(15 February 2027\\): the figures"
                + " below count them as the files write them");
    assertThat(suppressed).isEqualTo(on);
    assertThat(off).isEqualTo(on);
  }

  /** One record, counted once: "1 record is dated after", said of it with the rule off too. */
  @Test
  void shouldCountEachRecordDatedAfterTheStatusDate(@TempDir Path dir) throws IOException {
    Fixture.Edit lateDecision =
        repo -> Fixture.replace(repo, "governance.yaml", "date: 2027-04-09", "date: 2027-05-30");

    assertThat(laterRecordsReason(dir.resolve("on"), lateDecision, "2027-05-14"))
        .isEqualTo(
            "1 record is dated after the status date (14 May 2027): the figures below count it as"
                + " the files write it");
    assertThat(
            laterRecordsReason(
                dir.resolve("off"),
                repo -> {
                  lateDecision.apply(repo);
                  Fixture.severity(repo, "recorded-after-as-of", "off");
                },
                "2027-05-14"))
        .isEqualTo(
            "1 record is dated after the status date (14 May 2027): the figures below count it as"
                + " the files write it");
  }

  /**
   * The summary's reason about records dated after the status date 2027-02-15, after {@code edit}.
   */
  private static String laterRecordsReason(Path dir, Fixture.Edit edit) throws IOException {
    return laterRecordsReason(dir, edit, "2027-02-15");
  }

  private static String laterRecordsReason(Path dir, Fixture.Edit edit, String asOf)
      throws IOException {
    Path repo = Examples.copyExample(dir);
    if (!asOf.equals("2027-05-14")) {
      Fixture.replace(repo, "waymark.yaml", "asOf: 2027-05-14", "asOf: " + asOf);
    }
    edit.apply(repo);
    QuarterlyReview review =
        Reports.review(ReportInput.of(Examples.validate(repo, dir.getFileName().toString())));
    return review.summary().reasons().stream()
        .filter(r -> r.contains("dated after the status date"))
        .findFirst()
        .orElse("(no such reason)");
  }

  /**
   * The example's review with its phase-2 gate's status lines ({@code status: pending}) replaced.
   */
  private static QuarterlyReview reviewWithGate2(Path dir, String statusLines) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(
        repo,
        "roadmap.yaml",
        "        id: gate-build-foundations\n        status: pending\n",
        "        id: gate-build-foundations\n        " + statusLines);
    return Reports.review(ReportInput.of(Examples.validate(repo, "gate 2")));
  }

  private static QuarterlyReview.Figure gatesPassed(QuarterlyReview review) {
    return review.summary().figures().stream()
        .filter(f -> f.label().equals("Gates passed"))
        .findFirst()
        .orElseThrow();
  }

  private static QuarterlyReview.Indicator gate2Indicator(QuarterlyReview review) {
    List<QuarterlyReview.Indicator> found =
        review.challenges().indicators().stream()
            .filter(i -> i.name().equals("Gate of Build Foundations"))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static QuarterlyReview.Indicator gateIndicator(ValidationResult result) {
    return Reports.review(ReportInput.of(result)).challenges().indicators().stream()
        .filter(i -> i.name().equals("Gate of Build Foundations"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldNameAReplanRecordedInTheFileWithoutGitHistory(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.replace(
        repo,
        "roadmap.yaml",
        "          completedOn: 2027-04-21\n",
        "          completedOn: 2027-04-21\n          replanned:\n            - {on: 2027-03-30,"
            + " reason: Storage arrived late}\n");

    QuarterlyReview replanned = Reports.review(ReportInput.of(Examples.validate(repo, "replan")));

    assertThat(replanned.wins().milestones())
        .extracting(QuarterlyReview.DeliveredMilestone::timeliness)
        .first()
        .isEqualTo("2 days before its re-planned due date of 23 April 2027");
  }

  @Test
  void shouldNotAskToDeliverWhatADonePhaseDelivered() {
    // Phase 1 closed on 31 March; the April re-assessment came after it.
    assertThat(review.scorecard().dimensions())
        .filteredOn(d -> d.name().equals("Network"))
        .singleElement()
        .extracting(QuarterlyReview.DimensionView::nextStep)
        .isEqualTo(
            "Delivered Cut retrieval latency on the ETA path before this assessment: plan what"
                + " still holds it back");
    assertThat(review.scorecard().dimensions())
        .filteredOn(d -> d.name().equals("Compute"))
        .singleElement()
        .extracting(QuarterlyReview.DimensionView::nextStep)
        .isEqualTo(
            "Deliver Autoscaling inference on rented cloud GPUs (delivered: Pool the idle GPUs and"
                + " meter cost per inference); then re-assess");
    assertThat(review.scorecard().constraints())
        .extracting(QuarterlyReview.ConstraintView::addressedBy)
        .contains("Cut retrieval latency on the ETA path (delivered)")
        .doesNotContain("Cut retrieval latency on the ETA path");
  }

  /** The core team's roles follow the skills measurements: those not staffed in-house. */
  @Test
  void shouldShowTheCoreRolesNotStaffedInHouseWithTheSkills(@TempDir Path dir) throws IOException {
    assertThat(review.scorecard().dimensions())
        .filteredOn(d -> d.name().equals("Skills"))
        .singleElement()
        .extracting(QuarterlyReview.DimensionView::measurements)
        .isEqualTo("staff trained 30%; MLOps specialist external, financial analyst shared");

    Path repo = Examples.copyExample(dir.resolve("repo"));
    String file = "assessment/2027-04-assessment.yaml";
    Fixture.replace(repo, file, "      measurements:\n        trainedStaffPct: 30\n", "");
    Fixture.replace(repo, file, "dataEngineer: in-house", "dataEngineer: missing");
    QuarterlyReview missing = Reports.review(ReportInput.of(Examples.validate(repo, "roles")));

    assertThat(missing.scorecard().dimensions())
        .filteredOn(d -> d.name().equals("Skills"))
        .singleElement()
        .extracting(QuarterlyReview.DimensionView::measurements)
        .isEqualTo("no data engineer, MLOps specialist external, financial analyst shared");
  }

  @Test
  void shouldAskToReassessWhatWasDeliveredAfterTheLatestAssessment(@TempDir Path dir)
      throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Files.delete(repo.resolve("assessment/2027-04-assessment.yaml"));

    QuarterlyReview january = Reports.review(ReportInput.of(Examples.validate(repo, "jan")));

    assertThat(january.scorecard().dimensions())
        .filteredOn(d -> d.name().equals("Network"))
        .singleElement()
        .extracting(QuarterlyReview.DimensionView::nextStep)
        .isEqualTo(
            "Delivered Cut retrieval latency on the ETA path: re-assess to see what it changed");
  }

  @Test
  void shouldGiveAMetricThatMovedTheWrongWayOneHealthEverywhere(@TempDir Path dir)
      throws IOException {
    // On track over its horizon (35% of the way at 16% of the time), but up within Q2: its tile
    // said Green while the indicators listed it Amber.
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Fixture.reading(repo, "2027-03-31", "4.52", "3.90");
    Fixture.reading(repo, "2027-04-30", "4.21", "4.10");

    QuarterlyReview moved = Reports.review(ReportInput.of(Examples.validate(repo, "moved")));

    String name = "Cost per 1,000 inferences (all production models)";
    assertThat(moved.metrics())
        .filteredOn(t -> t.name().equals(name))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.rag()).isEqualTo(Rag.AMBER);
              assertThat(t.assessment())
                  .startsWith(
                      "Moved the wrong way this quarter: EUR 3.90 on 31 March 2027 to EUR 4.10 on"
                          + " 30 April 2027 (+5.1%); on track: ");
            });
    assertThat(moved.challenges().indicators())
        .filteredOn(i -> i.name().equals(name))
        .singleElement()
        .satisfies(i -> assertThat(i.rag()).isEqualTo(Rag.AMBER));
  }

  @Test
  void shouldShowTheGatePassedInTheFirstQuarterWithItsEvidence() {
    QuarterlyReview q1 =
        Reports.review(ReportInput.of(example).withQuarter(Quarter.parse("2027-Q1")));

    assertThat(q1.wins().gates())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.decision()).isEqualTo("Passed");
              assertThat(g.criteria()).isEqualTo("3 of 4 criteria met, 1 waived by the board");
              assertThat(g.evidence())
                  .extracting(QuarterlyReview.Link::isLink)
                  .containsExactly(true, false, false);
            });
  }

  @Test
  void shouldNameTheChallenges() {
    assertThat(review.challenges().milestones())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.title()).isEqualTo("First MLOps training cohort certified");
              assertThat(m.rag()).isEqualTo(Rag.AMBER);
              assertThat(m.problem()).isEqualTo("At risk, due in 42 days");
            });
    assertThat(review.challenges().indicators())
        .extracting(QuarterlyReview.Indicator::name)
        .contains("Data and platform engineers trained on the new stack");
    assertThat(review.challenges().errors()).isEmpty();
  }

  @Test
  void shouldRateTheDashboardMetrics() {
    assertThat(review.metrics()).hasSize(7);
    QuarterlyReview.MetricTile cost = review.metrics().get(0);
    assertThat(cost.latest()).isEqualTo("EUR 4.21");
    assertThat(cost.change()).isEqualTo("−12.3% vs baseline");
    assertThat(cost.rag()).isEqualTo(Rag.GREEN);
    assertThat(cost.svg())
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .doesNotContain("style=");
    assertThat(review.metrics().get(2).change()).isEqualTo("+13 pts vs baseline");
  }

  @Test
  void shouldPutTheNextGateWithItsCriteriaInThePriorities() {
    assertThat(review.priorities().quarterLabel()).isEqualTo("Q3 2027");
    assertThat(review.priorities().milestones())
        .extracting(QuarterlyReview.PlannedMilestone::title)
        .containsExactly("Agent orchestration layer operational", "Knowledge layer in production");
    assertThat(review.priorities().gates())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.phase()).isEqualTo("Build Foundations");
              assertThat(g.readiness()).isEqualTo("1 of 3 criteria met today");
              assertThat(g.criteria())
                  .extracting(QuarterlyReview.CriterionView::target)
                  .containsExactly("≥ 3", "> 99%", "≥ 80%");
            });
  }

  @Test
  void shouldComputeTheBudgetSplitVendorsAndCases() {
    assertThat(review.budget().buckets())
        .extracting(QuarterlyReview.Bucket::share)
        .containsExactly("70%", "20%", "10%");
    assertThat(review.budget().contingencyShare()).isEqualTo("15%");
    assertThat(review.vendors()).hasSize(2);
    assertThat(review.vendors().get(0).vendors())
        .extracting(
            QuarterlyReview.VendorRow::name,
            QuarterlyReview.VendorRow::score,
            QuarterlyReview.VendorRow::band)
        .contains(org.assertj.core.groups.Tuple.tuple("StreamForge", "84.7%", "Go"));
    assertThat(review.businessCases().cases())
        .extracting(QuarterlyReview.CaseRow::npv)
        .contains("EUR 273,338", "EUR 441,015");
    assertThat(review.businessCases().approvedNpv()).isEqualTo("EUR 1,430,407");
  }

  /**
   * The CFO's question after a year: did the case pay? The realised figures a case records ({@code
   * spec.realised}) are shown beside the projections, with the realised ROI; a case without them
   * shows nothing, rather than a projection passing for a result.
   */
  @Test
  void shouldShowTheRealisedFiguresOfABusinessCase(@TempDir Path dir) throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    Files.writeString(
        repo.resolve("business-cases/mlops-skills.yaml"),
        "  realised: {benefits: 150000, costs: 120000, asOf: 2027-04-30}\n",
        StandardOpenOption.APPEND);

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "now")));

    assertThat(review.businessCases().cases())
        .filteredOn(x -> !x.realised().isEmpty())
        .extracting(QuarterlyReview.CaseRow::title, QuarterlyReview.CaseRow::realised)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "MLOps and inference-optimisation training programme",
                "EUR 150,000 of benefits against EUR 120,000 of actual costs by 30 April 2027:"
                    + " realised ROI 25%"));
    assertThat(
            Reports.render(ReportInput.of(Examples.validate(repo, "now")).withPdf(false))
                .text("qbr-2027-Q2.md"))
        .contains(
            "Realised so far: MLOps and inference-optimisation training programme, EUR 150,000 of"
                + " benefits against EUR 120,000 of actual costs by 30 April 2027: realised ROI"
                + " 25%.");
  }

  @Test
  void shouldShowSpendAgainstPlanByMonthBucketAndInitiative() {
    QuarterlyReview.Spend spend = review.spend();

    assertThat(spend.available()).isTrue();
    assertThat(spend.summary())
        .isEqualTo(
            "By 14 May 2027 the programme has spent EUR 487,000 against EUR 541,290 planned by"
                + " then (32.5% of the initiative budgets of EUR 1,500,000) and delivered 6 of its"
                + " 16 milestones.");
    assertThat(spend.months())
        .extracting(QuarterlyReview.BurnMonth::month, QuarterlyReview.BurnMonth::actual)
        .startsWith(org.assertj.core.groups.Tuple.tuple("Month 1 (to 3 Feb 2027)", "EUR 105,000"))
        .hasSize(5);
    assertThat(spend.buckets())
        .extracting(
            QuarterlyReview.SpendBucket::plannedShare, QuarterlyReview.SpendBucket::actualShare)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("70%", "89.1%"),
            org.assertj.core.groups.Tuple.tuple("20%", "10.9%"),
            org.assertj.core.groups.Tuple.tuple("10%", "0%"));
    assertThat(spend.fastest()).hasSize(5);
    assertThat(spend.fastest().get(0).title())
        .isEqualTo("Automate the shipment and telematics data pipelines");
    assertThat(spend.fastest().get(0).lead()).isEqualTo("−2.8 pts");
    // The chart is accessible: its description carries every value it draws.
    assertThat(spend.svg())
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart burn\"")
        .contains(
            "<desc>Cumulative spend by month. Month 1 (to 3 Feb 2027): planned EUR 130,000,"
                + " actual EUR 105,000, 1 of 16 milestones delivered;")
        .contains("Month 18 (to 3 Jul 2028): planned EUR 1,500,000.</desc>");
  }

  @Test
  void shouldShowTheCommentaryOfADashboardMetricNextToIt() {
    QuarterlyReview.MetricTile trained =
        review.metrics().stream()
            .filter(t -> t.id().equals("trained-staff-pct"))
            .findFirst()
            .orElseThrow();

    assertThat(trained.rag()).isEqualTo(Rag.AMBER);
    assertThat(trained.commentary())
        .startsWith("Behind pace: two engineers of cohort 1 were pulled onto the May peak.")
        .doesNotContain("\n");
    assertThat(review.metrics().get(0).commentary()).isEmpty();
  }

  @Test
  void shouldSayHowRobustEachMajorCaseAndEachVendorDecisionIs() {
    QuarterlyReview.Robustness robustness = review.robustness();

    assertThat(robustness.cases()).hasSize(6);
    assertThat(robustness.moreCases()).isEqualTo(1);
    QuarterlyReview.CaseRobustness largest = robustness.cases().get(0);
    assertThat(largest.title()).isEqualTo("Pool, meter and optimise inference; rent peak capacity");
    assertThat(largest.benefitFall()).isEqualTo("34.6%");
    assertThat(largest.costRise()).isEqualTo("52.8%");
    assertThat(largest.rag()).isEqualTo(Rag.GREEN);
    assertThat(largest.whatIfs())
        .extracting(QuarterlyReview.WhatIf::change, QuarterlyReview.WhatIf::npv)
        .contains(org.assertj.core.groups.Tuple.tuple("Benefits −10 %", "EUR 313,448"));
    assertThat(largest.svg())
        .contains("class=\"chart tornado\"")
        .contains(
            "<desc>NPV EUR 441,015 as planned. Benefits ±20 %: NPV EUR 185,882 down, EUR 696,147"
                + " up;");
    assertThat(robustness.vendors())
        .extracting(QuarterlyReview.VendorRobustness::sentence)
        .containsExactly(
            "Managed data-pipeline platform, evaluation of February 2027: robust. StreamForge"
                + " stays first with its band, and no vendor changes band, when any one weight"
                + " moves by up to ±10 points (the others rescaled) or any one score by one step.",
            "Rented GPU capacity for peak-season inference, evaluation of April 2027: robust."
                + " Nimbus GPU Cloud stays first with its band, and no vendor changes band, when"
                + " any one weight moves by up to ±10 points (the others rescaled) or any one score"
                + " by one step.");
  }

  @Test
  void shouldSayWhenThereIsNoGitHistory() {
    assertThat(review.adjustments().available()).isFalse();
    assertThat(review.adjustments().note())
        .isEqualTo(
            "No Git history available: roadmap adjustments since the end of Q1 2027 (31 March 2027) cannot be shown.");
  }

  @Test
  void shouldReadAdjustmentsSlipsAndTrendsFromGitHistory() throws IOException {
    String roadmap = exampleText("roadmap.yaml");
    String metrics = exampleText(DASHBOARD);
    FakeHistory git = new FakeHistory();
    // End of Q1: the cohort was due on 11 June; it slipped twice in Q2 (the file now says 25 June).
    git.add(
        "roadmap.yaml",
        "2027-01-12",
        "Roadmap approved",
        roadmap.replace("due: 2027-06-25", "due: 2027-06-11"));
    git.add(
        "roadmap.yaml",
        "2027-04-20",
        "Cohort moved",
        roadmap.replace("due: 2027-06-25", "due: 2027-06-18"));
    git.add("roadmap.yaml", "2027-05-10", "Cohort moved again", roadmap);
    // An early reading of cost per inference that a later commit removed from the file.
    git.add(
        DASHBOARD,
        "2027-01-31",
        "January readings",
        metrics.replace(
            "        - {date: 2027-02-28, value: 4.80}",
            "        - {date: 2027-01-31, value: 5.10}\n        - {date: 2027-02-28, value: 4.80}"));
    git.add(DASHBOARD, "2027-05-02", "April readings", metrics);

    QuarterlyReview withHistory = reviewWith(git);

    assertThat(withHistory.adjustments().available()).isTrue();
    assertThat(withHistory.adjustments().basis())
        .startsWith("Compared with commit 0000001 of 12 January 2027");
    assertThat(withHistory.adjustments().changes())
        .extracting(QuarterlyReview.Change::description)
        .containsExactly(
            "slipped from 11 June 2027 to 18 June 2027 (+7 days)",
            "slipped from 18 June 2027 to 25 June 2027 (+7 days)");
    QuarterlyReview.TroubledMilestone cohort = withHistory.challenges().milestones().get(0);
    assertThat(cohort.problem()).isEqualTo("At risk, due in 42 days; Due date moved later 2 times");
    assertThat(cohort.rag()).isEqualTo(Rag.RED);
    assertThat(cohort.slips()).hasSize(2);
    // Issue 15: the timeline shows where the slipped milestone was first due, and numbers it.
    QuarterlyReview.MilestoneRow row =
        withHistory.timeline().milestones().stream()
            .filter(m -> m.title().equals("First MLOps training cohort certified"))
            .findFirst()
            .orElseThrow();
    assertThat(row.number()).isEqualTo("8");
    assertThat(row.due()).isEqualTo("25 June 2027");
    assertThat(row.firstDue()).isEqualTo("11 June 2027");
    assertThat(row.status()).isEqualTo("At risk");
    assertThat(withHistory.timeline().milestones())
        .filteredOn(m -> !m.firstDue().isEmpty())
        .hasSize(1);
    assertThat(withHistory.timeline().svg())
        .contains(
            "<title>First MLOps training cohort certified: due 25 June 2027 (first due 11 June"
                + " 2027), at risk: first due 11 June 2027</title>")
        .contains(">First due date (moved since)</text>");
    // The removed January reading is named, never drawn.
    assertThat(withHistory.metrics().get(0).corrections())
        .containsExactly("31 Jan 2027 reading EUR 5.10 removed on 2 May 2027 (commit 0000005)");
    assertThat(withHistory.metrics().get(0).svg()).doesNotContain("31 Jan").contains("28 Feb");
  }

  @Test
  void shouldSayWhyEachAdjustmentWasMadeWithTheCommitMessageAsFallback() throws IOException {
    String roadmap = exampleText("roadmap.yaml");
    FakeHistory git = new FakeHistory();
    git.add(
        "roadmap.yaml",
        "2027-01-12",
        "Roadmap approved",
        roadmap.replace("due: 2027-06-25", "due: 2027-06-11"));
    // The first move records its reason in 'replanned'; the second one only has a commit message.
    git.add(
        "roadmap.yaml",
        "2027-04-20",
        "Cohort moved",
        roadmap.replace(
            "          due: 2027-06-25\n",
            "          due: 2027-06-18\n"
                + "          replanned:\n"
                + "            - on: 2027-04-20\n"
                + "              reason: The trainer of cohort 1 is away for a week\n"
                + "              decision: dec-qbr-2027-q1\n"));
    git.add("roadmap.yaml", "2027-05-10", "Cohort moved again", roadmap);

    QuarterlyReview withHistory = reviewWith(git);

    assertThat(withHistory.adjustments().changes())
        .extracting(QuarterlyReview.Change::description, QuarterlyReview.Change::why)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "slipped from 11 June 2027 to 18 June 2027 (+7 days)",
                "The trainer of cohort 1 is away for a week (decision dec-qbr-2027-q1,"
                    + " 2027-04-20)"),
            org.assertj.core.groups.Tuple.tuple(
                "slipped from 18 June 2027 to 25 June 2027 (+7 days)",
                "commit message: Cohort moved again"));
  }

  @Test
  void shouldDrawOnlyTheCurrentReadingsOfACorrectedMetricAndADeletedPlaceholderSeries()
      throws IOException {
    String metrics = exampleText(DASHBOARD);
    FakeHistory git = new FakeHistory();
    // Day one: placeholder readings (as 'waymark init' writes them) and a wrong February value.
    git.add(
        DASHBOARD,
        "2027-01-05",
        "Scaffold",
        metrics.replace(
            "        - {date: 2027-02-28, value: 4.80}",
            "        - {date: 2027-01-31, value: 4.00}\n        - {date: 2027-02-28, value: 6.40}"));
    // Later the placeholder goes and February is corrected: the file is now the example's.
    git.add(DASHBOARD, "2027-03-10", "Real readings", metrics);

    QuarterlyReview.MetricTile cost = reviewWith(git).metrics().get(0);

    assertThat(cost.id()).isEqualTo("cost-per-inference");
    assertThat(cost.corrections())
        .containsExactly(
            "31 Jan 2027 reading EUR 4.00 removed on 10 March 2027 (commit 0000002)",
            "28 Feb 2027 reading EUR 6.40 corrected to EUR 4.80 on 10 March 2027 (commit 0000002)");
    assertThat(cost.svg())
        .doesNotContain("31 Jan")
        .doesNotContain("6.40")
        .doesNotContain(": 4.00")
        .contains("28 Feb 2027: 4.8<");
    // The same review without history draws the same points.
    QuarterlyReview.MetricTile without = Reports.review(ReportInput.of(example)).metrics().get(0);
    assertThat(cost.svg()).isEqualTo(without.svg());
    assertThat(cost.sparkText()).isEqualTo(without.sparkText());
  }

  /** The text of a file of the example, to commit as it is or changed in a made-up history. */
  private static String exampleText(String file) throws IOException {
    return Files.readString(Examples.EXAMPLE.resolve(file), StandardCharsets.UTF_8);
  }

  /** The example's review with {@code git} as its history. */
  private static QuarterlyReview reviewWith(FakeHistory git) {
    PlanHistory history =
        PlanHistory.read(git, example.load().documents(), example.load().config().limits());
    return Reports.review(ReportInput.of(example).withHistory(history));
  }

  /** Versions of files at made-up commits, newest first as History promises. */
  private static final class FakeHistory implements History {
    private final Map<String, List<FileVersion>> files = new java.util.HashMap<>();
    private int commits;

    void add(String path, String date, String subject, String text) {
      commits++;
      Commit c =
          new Commit(
              String.format("%07d", commits) + "0".repeat(33),
              Instant.parse(date + "T12:00:00Z"),
              "Ada",
              subject,
              1);
      files
          .computeIfAbsent(path, k -> new ArrayList<>())
          .add(0, new FileVersion(c, path, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public Optional<String> limitation() {
      return Optional.empty();
    }

    @Override
    public List<FileVersion> versions(String path) {
      return files.getOrDefault(path, List.of());
    }

    @Override
    public Revision revision(String name) {
      throw new UnsupportedOperationException("not needed here");
    }
  }
}
