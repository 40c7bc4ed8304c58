package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.waymark.report.chart.Rag;
import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 3: the QBR body says what validation found in the reader's words, one line per rule
 * with the count and the money involved; the file:line list stays in the appendix.
 */
class FindingLinesTest {

  @TempDir Path tmp;

  @Test
  void shouldSayPerRuleHowManyThingsAndHowMuchMoney() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    // A lower review-board threshold: initiatives funded by the proposed and the draft case
    // are now above it without an approved business case.
    Fixture.replace(
        repo, "governance.yaml", "approvalThreshold: 100000", "approvalThreshold: 1000");
    // Helio Cloud (due diligence) with one reference; a contingency of 25 % of the total.
    Fixture.replace(repo, "vendors/gpu-cloud-capacity.yaml", "references: 3", "references: 1");
    Fixture.replace(repo, "roadmap.yaml", "contingency: 270000", "contingency: 450000");

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "repo")));

    assertThat(review.findingLines().lines())
        .extracting(
            QuarterlyReview.RuleLine::rule,
            QuarterlyReview.RuleLine::rag,
            QuarterlyReview.RuleLine::text)
        .containsExactly(
            // Agentic dispatch assistant pilot (EUR 90,000) and the edge inference experiment
            // (EUR 60,000).
            tuple(
                "pitfall-no-review",
                Rag.RED,
                "2 initiatives, EUR 150 k, have no approved business case although above the"
                    + " review board's threshold."),
            // No element to count: the rule's own sentence and how often.
            tuple(
                "budget-overrun",
                Rag.RED,
                "The initiative budgets plus the contingency reserve exceed the total budget"
                    + " (1 finding)."),
            tuple(
                "contingency-range",
                Rag.AMBER,
                "The contingency reserve is outside 10-20%: of the roadmap's total budget, or a"
                    + " business case's contingencyPct (1 finding)."),
            tuple(
                "vendor-references",
                Rag.AMBER,
                "1 vendor has fewer than three customer references."));
  }

  @Test
  void shouldKeepTheFileAndLineListInTheAppendixOnly() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    Fixture.replace(
        repo, "governance.yaml", "approvalThreshold: 100000", "approvalThreshold: 1000");

    RenderedReport out =
        Reports.render(ReportInput.of(Examples.validate(repo, "repo")).withPdf(false));
    String md = out.text("qbr-2027-Q2.md");
    String html = out.text("qbr-2027-Q2.html");

    String body = md.substring(0, md.indexOf("## Appendix"));
    String appendix = md.substring(md.indexOf("## Appendix"));
    assertThat(body)
        .contains(
            "- Error: 2 initiatives, EUR 150 k, have no approved business case although above the"
                + " review board's threshold. (pitfall-no-review)")
        .doesNotContain("roadmap.yaml:");
    assertThat(appendix).contains("| error | pitfall-no-review | roadmap.yaml:");
    assertThat(html.substring(0, html.indexOf("id=\"appendix\"")))
        .contains("2 initiatives, EUR 150 k, have no approved business case")
        .doesNotContain("roadmap.yaml:");
  }
}
