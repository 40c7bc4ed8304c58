package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QBR's PDF: A4 pages with the company, every section heading and the computed figures in the
 * text, and the charts drawn. Reads it with poppler ({@code pdftotext}, {@code pdftoppm}) when
 * installed, else with PDFBox, which comes with the renderer.
 */
class PdfTest {

  static final List<String> SECTIONS =
      List.of(
          "Summary",
          "Wins since the last review",
          "Challenges",
          "Metrics dashboard",
          "Roadmap adjustments",
          "Next quarter's priorities",
          "Readiness scorecard",
          "Prioritisation matrix and budget",
          "Vendor comparison",
          "Business cases",
          "Spend against plan",
          "Timeline");

  @TempDir static Path out;

  private static Path pdf;
  private static byte[] bytes;

  @BeforeAll
  static void render() throws IOException {
    Reports.render(ReportInput.of(Examples.example())).writeTo(out);
    pdf = out.resolve("qbr-2027-Q2.pdf");
    bytes = Files.readAllBytes(pdf);
  }

  @Test
  void shouldBeAnA4PdfWithPageNumbers() throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isBetween(4, 24);
      assertThat(doc.getPage(0).getMediaBox().getWidth())
          .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
      assertThat(doc.getPage(0).getMediaBox().getHeight())
          .isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
      String text = text();
      assertThat(text).contains("Page 1 of " + doc.getNumberOfPages());
    }
  }

  @Test
  void shouldContainTheCompanyEverySectionAndTheComputedFigures() throws IOException {
    String text = text();
    assertThat(text).contains("Northwind Logistics", "Q2 2027", "14 May 2027");
    for (String section : SECTIONS) {
      assertThat(text).as("section heading").contains(section);
    }
    // bc-pipeline-automation: NPV computed from its cash flows, with the currency.
    assertThat(text).contains("EUR 273,338", "EUR 1,430,407");
  }

  @Test
  void shouldShowSpendRobustnessAndCommentary() throws IOException {
    String text = text().replaceAll("\\s+", " ");
    assertThat(text)
        .contains(
            "By 14 May 2027 the programme has spent EUR 487,000 against EUR 541,290 planned by then",
            "Spend by 70-20-10 bucket, planned and actual",
            "Initiatives that burn fastest",
            "How robust each major case is",
            // pdftotext writes the ligature of "fi": compare text without it.
            "may fall by 34.6%, costs may rise by 52.8%.",
            "robust. StreamForge stays",
            "Commentary: Behind pace: two engineers of cohort 1");
    BufferedImage spend = pageImage(pageOf("Spend against plan"));
    assertThat(pixels(spend, 0x0a4f8f)).as("the actual-spend line").isGreaterThan(100);
    BufferedImage robust = pageImage(pageOf("How robust each major case is"));
    assertThat(pixels(robust, 0xc27c00)).as("the downside bars of a tornado").isGreaterThan(200);
  }

  @Test
  void shouldBeByteIdenticalOnASecondRun() throws IOException {
    byte[] again =
        Reports.render(ReportInput.of(Examples.example())).files().get("qbr-2027-Q2.pdf");
    assertThat(again).as("a second rendering of the same input").isEqualTo(bytes);
  }

  @Test
  void shouldBeDatedTheStatusDateAndTitled() throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDDocumentInformation info = doc.getDocumentInformation();
      Instant asOf = Instant.parse("2027-05-14T00:00:00Z");
      assertThat(info.getCreationDate().toInstant()).isEqualTo(asOf);
      assertThat(info.getModificationDate().toInstant()).isEqualTo(asOf);
      assertThat(info.getTitle())
          .isEqualTo("Northwind Logistics: quarterly business review Q2 2027");
      assertThat(info.getProducer()).isEqualTo("Waymark");
      COSArray id = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
      assertThat(id).isNotNull();
      assertThat(id.size()).isEqualTo(2);
    }
  }

  @Test
  void shouldBeTaggedWithTheLanguageAndBookmarkEverySection() throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDDocumentCatalog catalog = doc.getDocumentCatalog();
      assertThat(catalog.getLanguage()).isEqualTo("en");
      assertThat(catalog.getMarkInfo()).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).as("tagged PDF").isTrue();
      assertThat(catalog.getStructureTreeRoot()).isNotNull();
      assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
      PDDocumentOutline outline = catalog.getDocumentOutline();
      assertThat(outline).as("bookmarks").isNotNull();
      List<String> titles = new ArrayList<>();
      Map<String, Integer> pages = new LinkedHashMap<>();
      for (PDOutlineItem item : outline.children()) {
        titles.add(item.getTitle());
        PDPage target = item.findDestinationPage(doc);
        pages.put(item.getTitle(), target == null ? -1 : doc.getPages().indexOf(target) + 1);
      }
      for (int i = 0; i < SECTIONS.size(); i++) {
        assertThat(titles).contains((i + 1) + " " + SECTIONS.get(i));
      }
      List<Integer> sectionPages = new ArrayList<>();
      for (int i = 0; i < SECTIONS.size(); i++) {
        sectionPages.add(pages.get((i + 1) + " " + SECTIONS.get(i)));
      }
      assertThat(sectionPages)
          .as("each bookmark on its section's page")
          .isSorted()
          .doesNotContain(-1);
      assertThat(sectionPages.get(0)).isBetween(1, 2);
      assertThat(pages.get("12 Timeline")).isEqualTo(pageOf("12 Timeline"));
      PDOutlineItem wins = null;
      for (PDOutlineItem item : outline.children()) {
        if (item.getTitle().equals("2 Wins since the last review")) {
          wins = item;
        }
      }
      assertThat(wins).isNotNull();
      assertThat(wins.getFirstChild()).as("subsections under their section").isNotNull();
      assertThat(wins.getFirstChild().getTitle()).isEqualTo("Milestones delivered");
    }
  }

  @Test
  void shouldTakeItsDatesFromSourceDateEpochWhenSet() {
    LocalDate asOf = LocalDate.of(2027, 5, 14);
    assertThat(Reports.pdfDate(asOf, null)).isEqualTo(Instant.parse("2027-05-14T00:00:00Z"));
    assertThat(Reports.pdfDate(asOf, " ")).isEqualTo(Instant.parse("2027-05-14T00:00:00Z"));
    assertThat(Reports.pdfDate(asOf, "1800000000")).isEqualTo(Instant.ofEpochSecond(1800000000L));
    assertThatThrownBy(() -> Reports.pdfDate(asOf, "yesterday"))
        .isInstanceOf(ReportException.class)
        .hasMessage(
            "SOURCE_DATE_EPOCH is 'yesterday', not a number of seconds since 1970-01-01: set it to"
                + " one (date +%s) or unset it");
  }

  @Test
  void shouldEmbedTheBundledFont() throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      List<String> fonts = new ArrayList<>();
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        fonts.add(doc.getPage(0).getResources().getFont(name).getName());
      }
      assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans"));
    }
  }

  @Test
  void shouldDrawTheCharts() throws IOException {
    int page = pageOf("Prioritisation matrix and budget");
    BufferedImage image = pageImage(page);
    // The category colours of the prioritisation matrix and the 70-20-10 bars.
    assertThat(pixels(image, 0x0a4f8f)).as("constraint-removal blue").isGreaterThan(200);
    assertThat(pixels(image, 0x8a5a00)).as("foundation brown").isGreaterThan(200);
    assertThat(pixels(image, 0x8e44ad)).as("experimentation purple").isGreaterThan(100);
    BufferedImage first = pageImage(1);
    assertThat(pixels(first, 0xc27c00)).as("the amber health banner and chip").isGreaterThan(50);
  }

  private static String text() throws IOException {
    if (new File("/usr/bin/pdftotext").canExecute()) {
      Process p =
          new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
              .redirectErrorStream(true)
              .start();
      byte[] output = p.getInputStream().readAllBytes();
      waitFor(p);
      return new String(output, StandardCharsets.UTF_8);
    }
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** The 1-based page whose text contains {@code heading}. */
  private static int pageOf(String heading) throws IOException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        if (stripper.getText(doc).contains(heading)) {
          return i;
        }
      }
    }
    throw new AssertionError("no page has the heading " + heading);
  }

  private static BufferedImage pageImage(int page) throws IOException {
    if (new File("/usr/bin/pdftoppm").canExecute()) {
      Path prefix = out.resolve("page-" + page);
      Process p =
          new ProcessBuilder(
                  "/usr/bin/pdftoppm",
                  "-png",
                  "-r",
                  "50",
                  "-f",
                  String.valueOf(page),
                  "-l",
                  String.valueOf(page),
                  "-singlefile",
                  pdf.toString(),
                  prefix.toString())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      waitFor(p);
      return ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(Path.of(prefix + ".png"))));
    }
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      return new PDFRenderer(doc).renderImageWithDPI(page - 1, 50);
    }
  }

  /** Pixels within a small distance of {@code rgb} (anti-aliasing blurs edges). */
  private static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int c = image.getRGB(x, y);
        int dr = ((c >> 16) & 0xff) - ((rgb >> 16) & 0xff);
        int dg = ((c >> 8) & 0xff) - ((rgb >> 8) & 0xff);
        int db = (c & 0xff) - (rgb & 0xff);
        if (dr * dr + dg * dg + db * db < 24 * 24) {
          n++;
        }
      }
    }
    return n;
  }

  private static void waitFor(Process p) throws IOException {
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + p.info().command().orElse("poppler"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
