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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The print rules of the bundled stylesheet on paper (issue 15): a long table repeats its header on
 * every page it continues on and cuts no row; no page ends with a heading or a table header whose
 * content is on the next page.
 */
class PrintLayoutTest {

  private static List<String> pages;

  @BeforeAll
  static void render() throws IOException {
    byte[] css;
    try (InputStream in =
        PrintLayoutTest.class.getResourceAsStream("/io/waymark/report/templates/waymark.css")) {
      css = in.readAllBytes();
    }
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Layout</title>")
        .append("<link rel=\"stylesheet\" href=\"waymark.css\"/></head><body class=\"qbr\">")
        .append("<div class=\"running-footer\">Footer line</div>");
    html.append("<section><h2 id=\"long\"><span class=\"num\">1</span> Long table</h2>")
        .append(
            "<table class=\"data\"><thead><tr><th>Finding</th><th>Where</th></tr></thead><tbody>");
    for (int i = 1; i <= 120; i++) {
      html.append(String.format("<tr><td>Row %03d</td><td>file %03d, line %d</td></tr>", i, i, i));
    }
    html.append("</tbody></table></section>");
    // Sections of growing length, so that headings and tables fall at every height of a page.
    for (int s = 2; s <= 40; s++) {
      html.append("<section><h2 id=\"s")
          .append(s)
          .append("\"><span class=\"num\">")
          .append(s)
          .append("</span> Section ")
          .append(s)
          .append("</h2>");
      html.append("<p>")
          .append("Filler text that takes a line or more. ".repeat(1 + s % 7))
          .append("</p>");
      html.append("<h3>Subsection ").append(s).append("</h3>");
      html.append("<table class=\"data\"><thead><tr><th>Column ")
          .append(s)
          .append("</th><th>Value</th></tr></thead><tbody>");
      for (int r = 1; r <= 2 + s % 4; r++) {
        html.append("<tr><td>Item ")
            .append(s)
            .append('.')
            .append(r)
            .append("</td><td>")
            .append(r)
            .append("</td></tr>");
      }
      html.append("</tbody></table></section>");
    }
    html.append("</body></html>");
    byte[] pdf = QbrPdf.render(html.toString(), Map.of("waymark.css", css));
    pages = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(doc));
      }
    }
  }

  @Test
  void shouldRepeatTheHeaderOfALongTableAndCutNoRow() {
    int continued = 0;
    for (int p = 1; p < pages.size(); p++) {
      List<String> lines = content(pages.get(p));
      if (!lines.isEmpty() && lines.get(0).startsWith("Row ")) {
        throw new AssertionError("page " + (p + 1) + " continues the table without its header");
      }
      if (lines.size() > 1
          && lines.get(0).equals("FINDING WHERE")
          && lines.get(1).startsWith("Row ")) {
        continued++;
      }
    }
    assertThat(continued).as("pages the long table continues on, header first").isGreaterThan(0);
    String all = String.join("\n", pages);
    for (int i = 1; i <= 120; i++) {
      assertThat(all).contains(String.format("Row %03d file %03d, line %d", i, i, i));
    }
  }

  @Test
  void shouldEndNoPageWithAHeadingOrATableHeader() {
    for (int p = 0; p < pages.size() - 1; p++) {
      List<String> lines = content(pages.get(p));
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      assertThat(last)
          .as("the last line of page %d", p + 1)
          .doesNotStartWith("Subsection")
          .doesNotMatch("\\d+ Section \\d+")
          .doesNotStartWith("COLUMN")
          .doesNotStartWith("FINDING");
    }
  }

  /** The page's lines without the running footer and the page number. */
  private static List<String> content(String page) {
    List<String> lines = new ArrayList<>();
    for (String line : page.split("\\R")) {
      String l = line.trim();
      if (!l.isEmpty() && !l.startsWith("Footer line") && !l.startsWith("Page ")) {
        lines.add(l);
      }
    }
    return lines;
  }
}
