package io.waymark.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * A very long text in the PDF (a hostile pull request's title of 300,000 letters): the renderer is
 * handed it in pieces, so that its time grows with the length of the text rather than with its
 * square (for every line, the renderer copies the rest of its text node and looks for the end of
 * the word from the line's start).
 */
class LongTextPdfTest {

  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  private static Document prepared(String cell) throws IOException {
    Document doc =
        PdfStructure.parse(
            "<html xmlns=\""
                + XHTML
                + "\"><head><title>t</title></head><body><table><tr><td id=\"cell\">"
                + cell
                + "</td></tr></table></body></html>");
    PdfStructure.prepare(doc);
    return doc;
  }

  private static List<String> texts(Document doc) {
    Element cell = null;
    var all = doc.getElementsByTagNameNS(XHTML, "td");
    for (int i = 0; i < all.getLength(); i++) {
      cell = (Element) all.item(i);
    }
    List<String> out = new ArrayList<>();
    for (Node n = cell.getFirstChild(); n != null; n = n.getNextSibling()) {
      out.add(((Text) n).getData());
    }
    return out;
  }

  @Test
  void shouldHandAWordOfThousandsOfLettersToTheRendererInPieces() throws IOException {
    String word = "x".repeat(7 * PdfStructure.PIECE + 3);
    List<String> pieces = texts(prepared(word));
    assertThat(pieces).hasSize(8);
    assertThat(pieces)
        .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(PdfStructure.PIECE));
    assertThat(String.join("", pieces)).isEqualTo(word);
  }

  @Test
  void shouldShortenATextOfHundredsOfThousandsOfCharactersWithANoteOfItsLength()
      throws IOException {
    String word = "x".repeat(300_000);
    String text = String.join("", texts(prepared(word)));
    assertThat(text)
        .startsWith("x".repeat(PdfStructure.LONGEST))
        .endsWith(
            "x … [shortened in the PDF: 300,000 characters in all; the HTML report has the whole"
                + " text]")
        .hasSize(PdfStructure.LONGEST + 88);
  }

  @Test
  void shouldKeepATextUpToTheLongestWhole() {
    String text = "lorem ipsum ".repeat(PdfStructure.LONGEST / 12);
    assertThat(PdfStructure.shortened(text)).isSameAs(text);
  }

  /**
   * The limit counts characters as the note does (code points): an emoji is one character, though
   * Java holds it in two chars. A text of 20,000 emoji is not "shortened: 20,000 characters in
   * all"; one of 30,001 keeps 30,000 whole emoji.
   */
  @Test
  void shouldCountTheCharactersOfTheLimitAsTheNoteDoes() {
    String emoji = "\uD83D\uDE00";
    String under = emoji.repeat(20_000);
    assertThat(PdfStructure.shortened(under)).isSameAs(under);

    String over = emoji.repeat(PdfStructure.LONGEST + 1);
    assertThat(PdfStructure.shortened(over))
        .isEqualTo(
            emoji.repeat(PdfStructure.LONGEST)
                + " … [shortened in the PDF: 30,001 characters in all; the HTML report has the"
                + " whole text]");
  }

  @Test
  void shouldKeepAnEmojiAtTheCutWhole() {
    String text = "x".repeat(PdfStructure.LONGEST - 1) + "\uD83D\uDE00" + "y".repeat(10);
    String shortened = PdfStructure.shortened(text);
    assertThat(shortened).startsWith("x".repeat(PdfStructure.LONGEST - 1) + "\uD83D\uDE00 … [");
  }

  @Test
  void shouldCutALongTextWithSpacesAfterASpace() throws IOException {
    String text = "lorem ipsum dolor sit amet ".repeat(200).strip();
    List<String> pieces = texts(prepared(text));
    assertThat(pieces).hasSizeGreaterThan(1);
    assertThat(String.join("", pieces)).isEqualTo(text);
    for (String p : pieces.subList(0, pieces.size() - 1)) {
      assertThat(p).endsWith("amet ").hasSizeLessThanOrEqualTo(PdfStructure.PIECE);
    }
  }

  @Test
  void shouldNotCutACharacterInTwo() {
    // a letter outside the Basic Multilingual Plane (two chars) and a letter with a combining
    // accent
    String word = "\uD835\uDC00".repeat(PdfStructure.PIECE) + "e\u0301".repeat(PdfStructure.PIECE);
    List<String> pieces = PdfStructure.pieces(word);
    assertThat(String.join("", pieces)).isEqualTo(word);
    for (String p : pieces) {
      assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
      assertThat(p.charAt(0)).isNotEqualTo('\u0301');
    }
  }

  @Test
  void shouldLeaveAnOrdinaryTextInOnePiece() throws IOException {
    String text = "Pipeline automation for the data platform, phase 2";
    assertThat(texts(prepared(text))).containsExactly(text);
  }

  @Test
  void shouldPrintTheWholeLongWordInsideThePage() throws IOException {
    String word = "Supercalifragilistic".repeat(250);
    byte[] css;
    try (InputStream in =
        LongTextPdfTest.class.getResourceAsStream("/io/waymark/report/templates/waymark.css")) {
      css = in.readAllBytes();
    }
    byte[] pdf =
        QbrPdf.render(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Long</title>"
                + "<link rel=\"stylesheet\" href=\"waymark.css\"/></head><body class=\"qbr\">"
                + "<h1>"
                + word
                + "</h1><table class=\"data\"><tr><td>Name</td><td>"
                + word
                + "</td></tr></table></body></html>",
            Map.of("waymark.css", css));
    List<String> outside = new ArrayList<>();
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      float width = doc.getPage(0).getMediaBox().getWidth();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String s, List<TextPosition> positions) {
              for (TextPosition p : positions) {
                if (p.getXDirAdj() + p.getWidthDirAdj() > width) {
                  outside.add(s);
                  return;
                }
              }
            }
          };
      stripper.getText(doc);
      // the page footers ("Page 1 of 5") fall between the lines of the heading
      text =
          new PDFTextStripper()
              .getText(doc)
              .replaceAll("\\s+", "")
              .replaceAll("Page\\d+of\\d+", "");
    }
    assertThat(outside).isEmpty();
    assertThat(text.contains(word + "Name" + word))
        .as("the whole word, twice, in the PDF")
        .isTrue();
  }
}
