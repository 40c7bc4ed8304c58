package io.waymark.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Chart labels in the PDF (issue 15): written as text in the embedded fonts, so a reader finds and
 * copies them, and drawn with the fallback font that has a character (Chinese, emoji) instead of a
 * box, also for an emoji that follows a word.
 */
class ChartTextTest {

  private static final String LABEL = "调度助手 🚀 pilot";

  private static String page(String label, String weight) {
    return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Chart</title>"
        + "<style>body { font-family: 'DejaVu Sans'; }</style></head><body><p>Chart</p>"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"80\""
        + " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"><title>A chart</title>"
        + "<text x=\"10\" y=\"30\" font-size=\"12\" font-weight=\""
        + weight
        + "\">"
        + label
        + "</text><text x=\"290\" y=\"60\" font-size=\"10\" text-anchor=\"end\">EUR 90,000</text>"
        + "</svg></body></html>";
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void shouldWriteChartLabelsAsText() throws IOException {
    byte[] pdf =
        QbrPdf.render(
            page("Spend by bucket", "bold"), Map.of(), Instant.EPOCH, FontChain.of("/nonexistent"));
    assertThat(text(pdf)).contains("Spend by bucket", "EUR 90,000");
  }

  @Test
  void shouldDrawChineseAndEmojiWithTheFallbackFonts() throws IOException {
    FontChain fonts = FontChain.fromEnvironment();
    assumeTrue(
        fonts.note(LABEL).isEmpty(),
        "no fallback font for CJK and emoji: apt-get install fonts-droid-fallback fonts-symbola");
    byte[] pdf = QbrPdf.render(page(LABEL, "normal"), Map.of(), Instant.EPOCH, fonts);
    assertThat(text(pdf)).contains(LABEL, "EUR 90,000");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Set<String> used = new HashSet<>();
      fonts(doc.getPage(0).getResources(), used);
      assertThat(used)
          .anySatisfy(f -> assertThat(f).contains("DroidSansFallback"))
          .anySatisfy(f -> assertThat(f).contains("Symbola"));
    }
  }

  /**
   * An Arabic and a Hebrew label, and one that mixes them with Latin and digits, are text in the
   * PDF that a reader copies out in logical order (pdfbox's text stripper, as poppler, reorders
   * right-to-left runs), the Arabic drawn in its joined forms: they were glyph outlines.
   */
  @Test
  void shouldWriteRightToLeftChartLabelsAsShapedText() throws IOException {
    String arabic = "تحسين الاستدلال";
    String hebrew = "תזמור סוכנים";
    byte[] pdf =
        QbrPdf.render(
            page(arabic, "normal").replace("EUR 90,000", hebrew),
            Map.of(),
            Instant.EPOCH,
            FontChain.of("/nonexistent"));
    String text = text(pdf);
    assertThat(text.lines().map(ChartTextTest::letters)).contains(arabic, hebrew);
    assertThat(drawn(pdf))
        .as("the joined forms: initial teh, final lam-alef")
        .contains(ArabicShaping.shape(arabic).substring(0, 1), "\uFEFB")
        .doesNotContain("\u062A");
  }

  /** The characters as drawn, before the text stripper normalises them. */
  private static String drawn(byte[] pdf) throws IOException {
    StringBuilder drawn = new StringBuilder();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition t) {
          drawn.append(t.getUnicode());
          super.processTextPosition(t);
        }
      }.getText(doc);
    }
    return drawn.toString();
  }

  /** Presentation forms back to letters, bidi marks dropped, as a reader copies text. */
  private static String letters(String line) {
    return ArabicShaping.deshape(line.replaceAll("[\\u200e\\u200f\\u202a-\\u202e]", "")).strip();
  }

  /** The fonts of a page and of the form XObjects (the charts) it draws. */
  private static void fonts(PDResources resources, Set<String> out) throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      out.add(resources.getFont(name).getName());
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDFormXObject) {
        fonts(((PDFormXObject) x).getResources(), out);
      }
    }
  }

  @Test
  void shouldPutRunsTheFirstFontLacksInTheirOwnSpan() throws IOException {
    Document doc =
        PdfStructure.parse(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head/><body>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>数据 title</title>"
                + "<text>Gate of 数据平台 🎉 now</text><text>plain</text></svg></body></html>");
    PdfStructure.prepare(
        doc,
        cp ->
            cp >= 0x1F000
                ? Optional.of("Emoji")
                : cp >= 0x3000 ? Optional.of("CJK") : Optional.empty());
    var texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    var first = texts.item(0);
    assertThat(first.getTextContent()).isEqualTo("Gate of 数据平台 🎉 now");
    var spans = ((org.w3c.dom.Element) first).getElementsByTagNameNS("*", "tspan");
    assertThat(spans.getLength()).isEqualTo(2);
    assertThat(spans.item(0).getTextContent()).isEqualTo("数据平台");
    assertThat(((org.w3c.dom.Element) spans.item(0)).getAttribute("font-family"))
        .isEqualTo("'CJK'");
    assertThat(spans.item(1).getTextContent()).isEqualTo("🎉");
    assertThat(((org.w3c.dom.Element) spans.item(1)).getAttribute("font-family"))
        .isEqualTo("'Emoji'");
    assertThat(texts.item(1).getChildNodes().getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getChildNodes().getLength())
        .isEqualTo(1);
  }
}
