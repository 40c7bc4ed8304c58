package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.waymark.report.chart.Rag;
import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the decisions the steering committee must take, at the top of the QBR and the
 * dashboard, each with its date and owner; red and amber items with an owner and a next step; red
 * and amber metric cards first.
 */
class DecisionsNeededTest {

  @TempDir Path tmp;

  @Test
  void shouldListTheDecisionsTheExampleAwaitsSoonestFirstWithDateAndOwner() {
    QuarterlyReview review = Reports.review(ReportInput.of(Examples.example()));

    assertThat(review.decisions().items())
        .extracting(
            QuarterlyReview.Decision::kind,
            QuarterlyReview.Decision::subject,
            QuarterlyReview.Decision::by,
            QuarterlyReview.Decision::owner,
            QuarterlyReview.Decision::rag)
        .containsExactly(
            tuple(
                "Business case",
                "Agentic dispatch assistant for delivery exceptions",
                "overdue since 4 April 2027 (start of Build Foundations)",
                "transport-planning",
                Rag.RED),
            tuple(
                "Vendor",
                "Pipewise (Managed data-pipeline platform, evaluation of February 2027)",
                "30 June 2027 (the next quarterly review)",
                "data-platform-team",
                Rag.AMBER),
            tuple(
                "Vendor",
                "Helio Cloud (Rented GPU capacity for peak-season inference, evaluation of April"
                    + " 2027)",
                "30 June 2027 (the next quarterly review)",
                "infrastructure-architecture",
                Rag.AMBER),
            tuple("Gate", "Gate of Build Foundations", "3 October 2027", "cto-office", Rag.GREEN));
    assertThat(review.decisions().items().get(0).ask())
        .isEqualTo(
            "Approve or reject (AI Architecture Review Board): planned investment EUR 84,000,"
                + " NPV EUR 80,934; funds initiatives of Build Foundations.");
    assertThat(review.decisions().items().get(3).ask())
        .startsWith("2 criteria are not met today: Data-pipeline SLA above 99 % (target > 99%,")
        .endsWith(
            "Fund the work to meet them, re-plan the gate, or waive with a recorded decision.");
    assertThat(review.decisions().items().get(3).byIso()).isEqualTo("2027-10-03");
  }

  @Test
  void shouldGiveEveryRedAndAmberItemAnOwnerAndANextStepAndPutAmberMetricsFirst() {
    QuarterlyReview review = Reports.review(ReportInput.of(Examples.example()));

    assertThat(review.challenges().milestones())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.owner()).isEqualTo("cto-office");
              assertThat(m.nextStep())
                  .isEqualTo(
                      "Confirm the due date at the next review, or re-plan it with its reason");
            });
    assertThat(review.challenges().indicators())
        .extracting(QuarterlyReview.Indicator::owner, QuarterlyReview.Indicator::nextStep)
        .containsExactly(
            tuple(
                "ai-programme-office",
                "Follow up the action in the commentary at the next review"));
    assertThat(review.scorecard().dimensions())
        .filteredOn(d -> d.name().equals("Skills"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rating()).isEqualTo(Rag.AMBER);
              assertThat(d.owner()).isEqualTo("infrastructure-architecture");
              assertThat(d.nextStep())
                  .isEqualTo(
                      "Deliver MLOps and inference-optimisation training programme; then"
                          + " re-assess");
            });
    // The one amber dashboard metric (sixth in Metrics spec.dashboard) comes first.
    assertThat(review.metrics().get(5).rag()).isEqualTo(Rag.AMBER);
    assertThat(review.metricsByUrgency())
        .extracting(QuarterlyReview.MetricTile::rag)
        .containsExactly(
            Rag.AMBER, Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.GREEN);
    assertThat(review.metricsByUrgency().get(1).id()).isEqualTo(review.metrics().get(0).id());
  }

  @Test
  void shouldListSuppressionsThatExpireByTheEndOfNextQuarterAndThoseThatExpired()
      throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    Fixture.suppress(repo, "budget-split", "roadmap.yaml", "pmo", "2027-05-01");
    Fixture.suppress(repo, "metric-stale", "metrics/executive-dashboard.yaml", "cfo", "2027-08-31");
    Fixture.suppress(
        repo, "bc-hidden-costs", "business-cases/mlops-skills.yaml", "cto", "2028-01-31");

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "repo")));

    assertThat(review.decisions().items())
        .filteredOn(d -> d.kind().equals("Suppression"))
        .extracting(
            QuarterlyReview.Decision::subject,
            QuarterlyReview.Decision::by,
            QuarterlyReview.Decision::owner,
            QuarterlyReview.Decision::rag)
        .containsExactly(
            tuple("Rule budget-split in roadmap.yaml", "overdue since 1 May 2027", "pmo", Rag.RED),
            tuple(
                "Rule metric-stale in metrics/executive-dashboard.yaml",
                "31 August 2027",
                "cfo",
                Rag.AMBER));
    assertThat(review.decisions().items())
        .filteredOn(d -> d.kind().equals("Suppression"))
        .first()
        .extracting(QuarterlyReview.Decision::ask)
        .asString()
        .startsWith("Expired: its findings count again. Fix the findings or renew");
  }

  @Test
  void shouldListWaiversThatExpireByTheEndOfNextQuarterAndThoseThatExpiredWithTheirShortfall()
      throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    // The retrieval criterion's waiver ran out on 30 April, and p95 is still above 100 ms.
    Fixture.reading(repo, "2027-04-30", "86", "105");
    // Build Foundations waived until 31 August, with its SLA and training still short.
    Fixture.waiveGate(
        repo, "gate-build-foundations", "dec-waive-p1-retrieval-latency", "2027-08-31");

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "repo")));

    List<QuarterlyReview.Decision> waivers =
        review.decisions().items().stream().filter(d -> d.kind().equals("Waiver")).toList();
    assertThat(waivers)
        .extracting(
            QuarterlyReview.Decision::subject,
            QuarterlyReview.Decision::by,
            QuarterlyReview.Decision::byIso,
            QuarterlyReview.Decision::owner,
            QuarterlyReview.Decision::rag)
        .containsExactly(
            tuple(
                "ETA retrieval p95 under 100 ms (the latency agentic use needs) — gate of Assess"
                    + " and Stabilise",
                "overdue since 30 April 2027",
                "2027-04-30",
                "cto-office",
                Rag.RED),
            tuple(
                "Gate of Build Foundations",
                "31 August 2027",
                "2027-08-31",
                "cto-office",
                Rag.AMBER));
    assertThat(waivers.get(0).ask())
        .isEqualTo(
            "Expired: the shortfall it accepted is still there. Renew the waiver (a new approved"
                + " decision and a later expiry date) or close the shortfall (target < 100 ms,"
                + " today 105 ms on 30 Apr 2027). Waived by: Retrieval p95 of 112 ms accepted at"
                + " the phase-1 gate (target under 100 ms).");
    assertThat(waivers.get(1).ask())
        .startsWith(
            "Renew the waiver (a new approved decision and a later expiry date) or close the"
                + " shortfall: 2 criteria are not met today: Data-pipeline SLA above 99 %"
                + " (target > 99%, today 97.8% on 30 Apr 2027); Team trained")
        .endsWith(
            ". Waived by: Retrieval p95 of 112 ms accepted at the phase-1 gate (target under 100"
                + " ms).");
    // Soonest first among the other decisions: after the business case overdue since 4 April.
    assertThat(review.decisions().items().get(1)).isEqualTo(waivers.get(0));

    RenderedReport out =
        Reports.render(ReportInput.of(Examples.validate(repo, "repo")).withPdf(false));
    assertThat(out.text("qbr-2027-Q2.md"))
        .contains("(Waiver) | Expired: the shortfall it accepted is still there.")
        .contains("| overdue since 30 April 2027 | cto-office |");
    assertThat(out.text("dashboard.html"))
        .contains(
            "<strong>Gate of Build Foundations</strong><br/><span class=\"small\">Waiver</span>");
  }

  @Test
  void shouldAskForAnExpiredCriterionWaiverOnceInItsOwnRowNotAgainInTheGates() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    // The next gate's SLA criterion waived until 15 April; the SLA is still 97.8 %.
    Fixture.replace(
        repo,
        "roadmap.yaml",
        "metric: data-pipeline-sla-pct\n            operator: \">\"\n            target: 99\n",
        "metric: data-pipeline-sla-pct\n            operator: \">\"\n            target: 99\n"
            + "            waiver: {decision: dec-waive-p1-retrieval-latency, reason: accepted,"
            + " expires: 2027-04-15}\n");

    List<QuarterlyReview.Decision> items =
        Reports.review(ReportInput.of(Examples.validate(repo, "repo"))).decisions().items();

    assertThat(items)
        .filteredOn(d -> d.ask().contains("Data-pipeline SLA") || d.subject().contains("SLA"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("Waiver");
              assertThat(d.ask()).startsWith("Expired: the shortfall it accepted is still there.");
            });
    // The gate's other open criterion is still asked for in the gate's row.
    assertThat(items)
        .filteredOn(d -> d.kind().equals("Gate"))
        .singleElement()
        .satisfies(d -> assertThat(d.ask()).contains("Team trained").doesNotContain("SLA"));
  }

  @Test
  void shouldAskForAnExpiredGateWaiverOnlyInTheWaiversRow() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    Fixture.waiveGate(
        repo, "gate-build-foundations", "dec-waive-p1-retrieval-latency", "2027-04-15");

    List<QuarterlyReview.Decision> items =
        Reports.review(ReportInput.of(Examples.validate(repo, "repo"))).decisions().items();

    assertThat(items)
        .filteredOn(d -> d.subject().contains("Build Foundations"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.subject()).isEqualTo("Gate of Build Foundations");
              assertThat(d.ask()).startsWith("Expired:").contains("Data-pipeline SLA");
            });
  }

  @Test
  void shouldLeaveOutWaiversWithoutDueDateOrWhoseShortfallIsClosed() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    // The example's retrieval waiver expired on 30 April, but 86 ms on that day met the target.
    Fixture.waiveGate(
        repo, "gate-build-foundations", "dec-waive-p1-retrieval-latency", "2027-10-01");

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "repo")));

    assertThat(review.decisions().items()).noneMatch(d -> d.kind().equals("Waiver"));
  }

  /**
   * Due diligence closed: the board rejected Pipewise on 10 May 2027 (a decision that names it), so
   * the review no longer asks to "close due diligence and decide go or no-go" on it. Its scorecard
   * keeps the band of its score (vendor-decision-mismatch); the decision is where the answer lives.
   */
  @Test
  void shouldNotAskForADueDiligenceTheBoardHasDecided() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    Fixture.replace(
        repo,
        "governance.yaml",
        "  decisions:\n",
        "  decisions:\n    - {id: dec-pipewise-rejected, date: 2027-05-10, title: Pipewise rejected"
            + " after due diligence, outcome: rejected, relatesTo: [v-pipewise]}\n");

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "repo")));

    assertThat(review.decisions().items())
        .extracting(QuarterlyReview.Decision::subject)
        .noneMatch(s -> s.startsWith("Pipewise"))
        .anyMatch(s -> s.startsWith("Helio Cloud"));
  }

  @Test
  void shouldSaySoWhenNoDecisionIsPending() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("empty"));
    Files.copy(Examples.EXAMPLE.resolve("waymark.yaml"), repo.resolve("waymark.yaml"));

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "empty")));

    assertThat(review.decisions().items()).isEmpty();
    assertThat(review.decisions().note())
        .isEqualTo(
            "No decision is pending: no business case awaits approval, no vendor is in due"
                + " diligence, the next gate's criteria are met and no suppression or waiver"
                + " expires by the end of Q3 2027.");
  }

  @Test
  void shouldPutTheDecisionsAtTheTopOfEveryReport() {
    RenderedReport out = Reports.render(ReportInput.of(Examples.example()).withPdf(false));
    String md = out.text("qbr-2027-Q2.md");
    String html = out.text("qbr-2027-Q2.html");
    String dashboard = out.text("dashboard.html");

    assertThat(md.indexOf("## Decisions needed"))
        .isPositive()
        .isLessThan(md.indexOf("## 1. Summary"));
    assertThat(md)
        .contains("| **Gate of Build Foundations** (Gate) | 2 criteria are not met today: ")
        .contains("| 3 October 2027 | cto-office |");
    assertThat(html.indexOf("id=\"decisions\""))
        .isPositive()
        .isLessThan(html.indexOf("id=\"summary\""));
    assertThat(html).contains("<td>transport-planning</td>");
    assertThat(dashboard.indexOf("id=\"decisions\""))
        .isPositive()
        .isLessThan(dashboard.indexOf("Overall health"));
    assertThat(dashboard)
        .contains(
            "Owner: cto-office · Next step: Confirm the due date at the next review, or re-plan"
                + " it with its reason");
    // The amber tile is the first tile of the dashboard.
    assertThat(dashboard.indexOf("class=\"tile tile-"))
        .isEqualTo(dashboard.indexOf("class=\"tile tile-amber\""));
  }

  /**
   * A failed gate is decided again: the board needs where its criteria stand today, not where they
   * stood the day it failed (trained staff: 18 % at the end of March, 30 % at the end of April).
   */
  @Test
  void shouldJudgeAFailedGateThatIsToBeDecidedAgainAsOfToday() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    Fixture.replace(
        repo,
        "roadmap.yaml",
        "        id: gate-build-foundations\n        status: pending\n",
        "        id: gate-build-foundations\n        status: failed\n        decidedOn: 2027-03-31\n");

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "repo")));

    assertThat(review.decisions().items())
        .filteredOn(d -> d.subject().equals("Gate of Build Foundations"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.ask())
                    .contains("today 30% on 30 Apr 2027")
                    .doesNotContain("31 Mar 2027"));
  }
}
