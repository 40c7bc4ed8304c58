package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QBR is read by a steering committee: its length must not grow with the number of documents. The
 * example grown by {@value #EACH} documents of each kind whose lists the QBR caps (1,000 documents
 * in all) gives a PDF a few pages longer than the example's, not the 150 pages it had before the
 * caps, and every list says how many it leaves out.
 */
class LargeQbrTest {

  private static final int EACH = 200;

  /**
   * Pages the grown QBR may have beyond the example's (23): each capped list at its cap (25
   * decisions, 25 use cases, 25 constraints, 10 vendor evaluations, 25 business cases) and the
   * appendix's 200 findings took 9 pages more (32 in all); without the caps it ran to well over a
   * hundred.
   */
  private static final int EXTRA_PAGES = 15;

  @TempDir Path work;

  @Test
  void shouldRenderAQbrWhoseLengthDoesNotGrowWithTheDocuments() throws IOException {
    Path repo =
        GrowingRepository.of(work.resolve("large"))
            .proposedCases(EACH)
            .approvedCases(EACH)
            .pilots(EACH)
            .earlierConstraints(EACH)
            .vendorEvaluations(EACH)
            .path();
    ReportInput input = ReportInput.of(Examples.validate(repo, "large"));
    QuarterlyReview review = Reports.review(input);
    RenderedReport large = Reports.render(input);
    RenderedReport small = Reports.render(ReportInput.of(Examples.example()));

    int pages = pages(large.files().get("qbr-2027-Q2.pdf"));
    int examplePages = pages(small.files().get("qbr-2027-Q2.pdf"));
    assertThat(pages).isLessThanOrEqualTo(examplePages + EXTRA_PAGES);
    assertThat(review.decisions().more().count()).isGreaterThanOrEqualTo(EACH);
    assertThat(review.wins().moreUseCases().count()).isGreaterThanOrEqualTo(EACH - 25);
    assertThat(review.scorecard().moreConstraints().count()).isGreaterThanOrEqualTo(EACH - 25);
    assertThat(review.moreVendors().count()).isEqualTo(EACH + 2 - 10);
    assertThat(review.businessCases().more().count()).isGreaterThanOrEqualTo(2 * EACH - 25);
    assertThat(review.robustness().vendors()).hasSizeLessThanOrEqualTo(10);
  }

  private static int pages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }
}
