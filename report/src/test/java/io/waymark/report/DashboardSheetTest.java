package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Severity;
import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 5: the one-page landscape dashboard ({@code dashboard.pdf}) is laid out for the A4
 * sheet, not a screen page scaled down: one page always, body text 8 points or more and nothing
 * under 6.5 points as printed (measured from the PDF's text positions), lists cut with an explicit
 * "and N more — see the QBR" on the large repository, the same bytes on every run.
 */
class DashboardSheetTest {

  /** Body text prints at 8 points or more (with a margin for rounding). */
  private static final float BODY = 7.95f;

  /** Nothing prints smaller, in points (with a margin for rounding). */
  private static final float SMALLEST = 6.45f;

  @TempDir Path work;

  /** The printed sizes of the sheet's characters, in points, and its text. */
  private record Sheet(
      int pages, PDRectangle size, List<Float> sizes, String text, String small, String body) {

    float smallest() {
      return sizes.stream().min(Float::compare).orElseThrow();
    }

    /** The share of characters printed at {@code points} or more. */
    double shareAtLeast(float points) {
      return sizes.stream().filter(s -> s >= points).count() / (double) sizes.size();
    }
  }

  private static byte[] render(Path repo) {
    RenderedReport r =
        Reports.render(
            ReportInput.of(Examples.validate(repo, "roadmap"))
                .withPdf(false)
                .withDashboardPdf(true));
    assertThat(r.files()).doesNotContainKey(Reports.qbrFile("2027-Q2", "pdf"));
    return r.files().get(Reports.DASHBOARD_PDF);
  }

  private static Sheet read(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<Float> sizes = new ArrayList<>();
      StringBuilder small = new StringBuilder();
      StringBuilder body = new StringBuilder();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
              if (!t.getUnicode().isBlank()) {
                // The text rendering matrix: the font size times every scaling on the way to the
                // page (TextPosition.getFontSizeInPt() rounds down to whole points).
                float size = t.getTextMatrix().getScalingFactorY();
                sizes.add(size);
                if (size >= BODY) {
                  body.append(t.getUnicode());
                }
                if (size < SMALLEST) {
                  small.append(t.getUnicode());
                }
              }
              super.processTextPosition(t);
            }
          };
      String text = stripper.getText(doc);
      return new Sheet(
          doc.getNumberOfPages(),
          doc.getPage(0).getMediaBox(),
          sizes,
          text,
          small.toString(),
          body.toString());
    }
  }

  private static void assertReadableOnOneLandscapeSheet(Sheet sheet) {
    assertThat(sheet.pages()).isEqualTo(1);
    assertThat(sheet.size().getWidth()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
    assertThat(sheet.size().getHeight()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
    assertThat(sheet.smallest())
        .as("the smallest printed text, in points (text under 6.5: %s)", sheet.small())
        .isGreaterThanOrEqualTo(SMALLEST);
    assertThat(sheet.shareAtLeast(BODY))
        .as("the share of the characters printed at 8 points or more (body text)")
        .isGreaterThan(0.5);
  }

  @Test
  void shouldPrintTheExampleOnOneReadableSheet() throws IOException {
    Path repo = Examples.copyExample(work.resolve("example"));
    byte[] pdf = render(repo);

    Sheet sheet = read(pdf);
    assertReadableOnOneLandscapeSheet(sheet);
    String text = sheet.text().replaceAll("\\s+", " ");
    assertThat(text)
        .contains(
            "Decisions needed",
            "Agentic dispatch assistant for delivery exceptions",
            "Key metrics",
            "Data and platform engineers trained on the new stack",
            "Phases and gates",
            "Needs attention",
            "Timeline: milestones ahead");
    // Red and amber metric cards first: the amber training metric comes before the green ones.
    assertThat(text.indexOf("Data and platform engineers trained on the new stack"))
        .isGreaterThan(0)
        .isLessThan(text.indexOf("Cost per 1,000 inferences"));
    // Body text (what to decide, the metrics, what needs attention, the milestones) at 8 points.
    assertThat(sheet.body())
        .contains(
            "Approveorreject(AIArchitectureReviewBoard)",
            "Dataandplatformengineerstrainedonthenewstack",
            "Behindplan:26.5%ofthewaytotarget",
            "FirstMLOpstrainingcohort",
            "Agentorchestrationlayeroperational");
    assertThat(render(repo)).as("the same bytes on a second run").isEqualTo(pdf);
  }

  @Test
  void shouldCutTheListsOfALargeRepositoryWithAnExplicitLine() throws IOException {
    Path repo = LargeRepository.generate(work.resolve("large"));
    var vr = Examples.validate(repo, "large");
    assertThat(vr.findings())
        .as("the generated files are valid (the budget overrun is real)")
        .noneMatch(f -> f.severity() == Severity.ERROR && !f.rule().equals("budget-overrun"));
    QuarterlyReview review = Reports.review(ReportInput.of(vr));
    assertThat(review.metrics()).hasSize(LargeRepository.METRICS);
    int decisions = review.decisions().total();
    assertThat(decisions).isGreaterThan(LargeRepository.EVALUATIONS);

    byte[] pdf = render(repo);
    Sheet sheet = read(pdf);
    assertReadableOnOneLandscapeSheet(sheet);
    String text = sheet.text().replaceAll("\\s+", " ");
    assertThat(shownAndLeftOut(text, "decisions", decisions)).isPositive();
    assertThat(shownAndLeftOut(text, "metrics", LargeRepository.METRICS)).isPositive();
    assertThat(
            shownAndLeftOut(
                text,
                "items",
                review.challenges().milestones().size() + review.challenges().indicators().size()))
        .isPositive();
    assertThat(text).containsPattern("and \\d+ more milestones — see the QBR");
    assertThat(render(repo)).as("the same bytes on a second run").isEqualTo(pdf);
  }

  /**
   * A name too long for the sheet is shortened visibly, never silently: it ends with "…†", the
   * footer says which sections of the QBR have the shortened texts in full, and they do (the
   * section numbers are the QBR's own). A list that is cut names its section too.
   */
  @Test
  void shouldMarkEveryShortenedTextAndSayWhereTheQbrHasItInFull() throws IOException {
    Path repo = LargeRepository.generate(work.resolve("large"));
    RenderedReport r =
        Reports.render(
            ReportInput.of(Examples.validate(repo, "large")).withPdf(false).withDashboardPdf(true));
    Sheet sheet = read(r.files().get(Reports.DASHBOARD_PDF));
    assertReadableOnOneLandscapeSheet(sheet);
    String text = sheet.text().replaceAll("\\s+", " ");
    String qbr =
        new String(r.files().get(Reports.qbrFile("2027-Q2", "html")), StandardCharsets.UTF_8);

    Matcher cut =
        Pattern.compile("(Generated (milestone|leading indicator) number \\d+)( — [^…†]*)…†")
            .matcher(text);
    int milestones = 0;
    int metrics = 0;
    while (cut.find()) {
      boolean milestone = cut.group(2).equals("milestone");
      String full =
          cut.group(1) + (milestone ? LargeRepository.LONG_TITLE : LargeRepository.LONG_NAME);
      // A line that breaks after a hyphen ("cross-|border") comes out as "cross- border".
      String shown = (cut.group(1) + cut.group(3)).strip().replace("- ", "-");
      assertThat(full).as("the shortened text is the start of the name").startsWith(shown);
      assertThat(shown.length()).isLessThan(full.length());
      assertThat(qbr).as("the QBR has the name in full").contains(full);
      if (milestone) {
        milestones++;
      } else {
        metrics++;
      }
    }
    assertThat(milestones).as("shortened milestone titles").isPositive();
    assertThat(metrics).as("shortened metric names").isPositive();
    assertThat(text)
        .doesNotContain(LargeRepository.LONG_TITLE.strip(), LargeRepository.LONG_NAME.strip());
    assertThat(text.replace("…†", "")).as("an ellipsis without the mark").doesNotContain("…");
    assertThat(text)
        .as("a word cut short carries the mark, with no space before it")
        .doesNotContain(" …");

    Matcher note =
        Pattern.compile("† Shortened to fit this page; the full text is in the QBR: ([^.]+)\\.")
            .matcher(text);
    assertThat(note.find()).as("the footer's note on shortened texts").isTrue();
    List<String> places = List.of(note.group(1).split(", "));
    assertThat(places).contains("§3 Challenges", "§4 Metrics dashboard", "§12 Timeline");
    for (String place : places) {
      Matcher section = Pattern.compile("§(\\d+) (.+)").matcher(place);
      if (section.matches()) {
        assertThat(qbr)
            .as("the QBR's section " + place)
            .contains(
                "<span class=\"num\">"
                    + section.group(1)
                    + "</span> "
                    + section.group(2)
                    + "</h2>");
      } else {
        assertThat(qbr).as("the QBR's section " + place).contains(">" + place + "</h2>");
      }
    }
    assertThat(text).containsPattern("and \\d+ more metrics — see the QBR, §4 Metrics dashboard");
  }

  /**
   * The number of {@code what} the sheet says it leaves out, checked against the total: at least
   * one shown, at least one left out, and shown plus left out is the total.
   */
  private static int shownAndLeftOut(String text, String what, int total) {
    Matcher m = Pattern.compile("and (\\d+) more " + what + " — see the QBR").matcher(text);
    assertThat(m.find()).as("the line that says how many " + what + " are left out").isTrue();
    int left = Integer.parseInt(m.group(1));
    assertThat(left).isBetween(1, total - 1);
    return total - left;
  }
}
