package io.waymark.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text in a font family no font here has, in the PDF: code type in every style a template may give
 * it, the generic families, a font the machine does not have. The accessible PDF embeds its fonts,
 * so the renderer has no built-in Courier, Times or Helvetica: such text was left out of the PDF
 * without a word, and an italic {@code <code>} stopped the whole report ("No font for the following
 * specification has been found"). Now the bundled fonts write it, as a browser's default font.
 */
class GenericFontFamilyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p><code>waymark ci</code></p>",
        "<p style=\"font-style: italic\">run <code>waymark ci</code></p>",
        "<p><em><b><code>waymark ci</code></b></em></p>",
        "<pre><i>waymark ci</i></pre>",
        "<p style=\"font-family: monospace; font-style: oblique\">waymark ci</p>",
        "<p style=\"font-family: serif; font-style: italic\">waymark ci</p>",
        "<p style=\"font-family: serif\">waymark ci</p>",
        "<p style=\"font-family: sans-serif\">waymark ci</p>",
        "<p style=\"font-family: cursive\">waymark ci</p>",
        "<p style=\"font-family: fantasy\">waymark ci</p>",
        "<p style=\"font-family: Arial\">waymark ci</p>",
        "<p style=\"font-family: Arial; font-style: italic; font-weight: bold\">waymark ci</p>"
      })
  void shouldWriteTextWhateverFamilyItAsksFor(String body) throws IOException {
    String xhtml =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Code</title>"
            + "<style>body { font-family: 'DejaVu Sans'; }</style></head><body>"
            + body
            + "</body></html>";

    byte[] pdf = QbrPdf.render(xhtml, Map.of(), Instant.EPOCH, FontChain.of("/nonexistent"));

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("waymark ci");
    }
  }
}
