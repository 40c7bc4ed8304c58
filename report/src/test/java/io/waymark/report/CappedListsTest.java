package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The QBR lists of a large portfolio are capped, each at its own number of rows, and say how many
 * more there are and where the whole list is; the totals still count every item. A repository one
 * item over a cap shows the cap and the note in the HTML, the Markdown and the PDF (and the
 * dashboard, for the decisions); one at the cap shows every item and no note.
 */
class CappedListsTest {

  /** A list of the QBR that grows with the number of documents, and how to grow it. */
  enum Section {
    DECISIONS(
        QuarterlyReview.Decisions.MAX_ITEMS,
        r -> r.decisions().items(),
        r -> r.decisions().more(),
        "more decision,"),
    USE_CASES(
        QuarterlyReview.Wins.MAX_USE_CASES,
        r -> r.wins().useCases(),
        r -> r.wins().moreUseCases(),
        "more use case reached"),
    CONSTRAINTS(
        QuarterlyReview.Scorecard.MAX_CONSTRAINTS,
        r -> r.scorecard().constraints(),
        r -> r.scorecard().moreConstraints(),
        "more constraint ranked"),
    VENDOR_EVALUATIONS(
        QuarterlyReview.MAX_VENDOR_EVALUATIONS,
        QuarterlyReview::vendors,
        QuarterlyReview::moreVendors,
        "more vendor evaluation,"),
    BUSINESS_CASES(
        QuarterlyReview.CaseSummary.MAX_CASES,
        r -> r.businessCases().cases(),
        r -> r.businessCases().more(),
        "more business case,");

    final int cap;
    final Function<QuarterlyReview, List<?>> listed;
    final Function<QuarterlyReview, QuarterlyReview.More> more;
    final String words;

    Section(
        int cap,
        Function<QuarterlyReview, List<?>> listed,
        Function<QuarterlyReview, QuarterlyReview.More> more,
        String words) {
      this.cap = cap;
      this.listed = listed;
      this.more = more;
      this.words = words;
    }

    /** The example grown by {@code n} more items of this list. */
    GrowingRepository grow(GrowingRepository repo, int n) throws IOException {
      return switch (this) {
        case DECISIONS -> repo.proposedCases(n);
        case USE_CASES -> repo.pilots(n);
        case CONSTRAINTS -> repo.earlierConstraints(n);
        case VENDOR_EVALUATIONS -> repo.vendorEvaluations(n);
        case BUSINESS_CASES -> repo.approvedCases(n);
      };
    }
  }

  @TempDir static Path work;

  private static QuarterlyReview example;

  @BeforeAll
  static void readTheExample() {
    example = Reports.review(ReportInput.of(Examples.example()));
  }

  /** The example grown so that {@code section} has {@code total} items, validated. */
  private static ReportInput grown(Section section, int total, String name) throws IOException {
    int extra = total - section.listed.apply(example).size();
    assertThat(extra).as("the example alone stays under the cap").isPositive();
    Path repo = section.grow(GrowingRepository.of(work.resolve(name)), extra).path();
    return ReportInput.of(Examples.validate(repo, name));
  }

  @Test
  void shouldListEveryItemOfTheExample() {
    for (Section s : Section.values()) {
      assertThat(s.more.apply(example).any()).as(s.name()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Section.class)
  void shouldCapAListOneOverAndSaySoInEveryFormat(Section section) throws IOException {
    ReportInput input = grown(section, section.cap + 1, "over-" + section);
    QuarterlyReview review = Reports.review(input);
    assertThat(section.listed.apply(review)).hasSize(section.cap);
    QuarterlyReview.More more = section.more.apply(review);
    assertThat(more.count()).isEqualTo(1);
    assertThat(more.text()).startsWith("… and 1 " + section.words).contains("not listed here");

    RenderedReport out = Reports.render(input);
    assertThat(out.text("qbr-2027-Q2.html")).contains(more.text());
    assertThat(out.text("qbr-2027-Q2.md")).contains("_" + more.text() + "_");
    assertThat(pdfText(out.files().get("qbr-2027-Q2.pdf")))
        .contains("and 1 " + section.words)
        .contains("not listed here");
    if (section == Section.DECISIONS) {
      assertThat(out.text("dashboard.html")).contains(more.text());
      assertThat(review.decisions().total()).isEqualTo(section.cap + 1);
    }
  }

  @ParameterizedTest
  @EnumSource(Section.class)
  void shouldListAListAtItsCapWhole(Section section) throws IOException {
    ReportInput input = grown(section, section.cap, "at-" + section);
    QuarterlyReview review = Reports.review(input);
    assertThat(section.listed.apply(review)).hasSize(section.cap);
    assertThat(section.more.apply(review)).isEqualTo(QuarterlyReview.More.NONE);

    RenderedReport out = Reports.render(input.withPdf(false));
    assertThat(out.text("qbr-2027-Q2.html")).doesNotContain(section.words);
    assertThat(out.text("qbr-2027-Q2.md")).doesNotContain(section.words);
  }

  @Test
  void shouldCountEveryBusinessCaseInTheApprovedTotal() throws IOException {
    int approvedInExample = Integer.parseInt(example.businessCases().approvedCount());
    int extra = 2 * QuarterlyReview.CaseSummary.MAX_CASES;
    Path repo = GrowingRepository.of(work.resolve("approved")).approvedCases(extra).path();
    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "approved")));

    QuarterlyReview.CaseSummary cases = review.businessCases();
    assertThat(cases.cases()).hasSize(QuarterlyReview.CaseSummary.MAX_CASES);
    assertThat(cases.approvedCount()).isEqualTo(String.valueOf(approvedInExample + extra));
    int all = example.businessCases().cases().size() + extra;
    assertThat(cases.more().count()).isEqualTo(all - QuarterlyReview.CaseSummary.MAX_CASES);
  }

  @Test
  void shouldListTheMostUrgentDecisionsFirst() throws IOException {
    ReportInput input =
        grown(Section.DECISIONS, 2 * QuarterlyReview.Decisions.MAX_ITEMS, "urgent-decisions");
    List<QuarterlyReview.Decision> listed = Reports.review(input).decisions().items();
    // The example's overdue and soonest decisions stay on the list; the copies share one date.
    assertThat(listed.get(0)).isEqualTo(example.decisions().items().get(0));
    assertThat(listed).extracting(QuarterlyReview.Decision::byIso).isSorted();
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
