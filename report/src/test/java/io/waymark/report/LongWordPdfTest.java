package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word longer than its table column (an id, a path, a URL's run without a slash) in the QBR's
 * PDF: it breaks inside its cell. The renderer breaks lines at spaces, slashes and hyphens only, so
 * such a word made its column wider than the page, and the PDF cut off the text of every row of the
 * table at the page's right edge (the readiness scorecard's notes, the constraints' "removed by").
 */
class LongWordPdfTest {

  /** 300 letters without a place to break. */
  private static final String WORD = "Supercalifragilistic".repeat(15);

  @TempDir static Path work;

  private static byte[] pdf;

  @BeforeAll
  static void render() throws IOException {
    Path repo = Examples.copyExample(work.resolve("long"));
    Path roadmap = repo.resolve("roadmap.yaml");
    String yaml = Files.readString(roadmap, StandardCharsets.UTF_8);
    // The first two initiatives' titles: they appear in the readiness notes, the constraints'
    // table, the matrix, the budget and the timeline.
    String title = "\n          title: ";
    int first = yaml.indexOf(title, yaml.indexOf("      initiatives:\n"));
    int second = yaml.indexOf(title, first + 1);
    yaml =
        yaml.substring(0, second + title.length())
            + "Pipeline "
            + WORD
            + yaml.substring(yaml.indexOf('\n', second + 1));
    yaml =
        yaml.substring(0, first + title.length())
            + "Pipeline "
            + WORD
            + yaml.substring(yaml.indexOf('\n', first + 1));
    Files.writeString(roadmap, yaml, StandardCharsets.UTF_8);
    Path out = work.resolve("out");
    Reports.render(ReportInput.of(Examples.validate(repo, "long"))).writeTo(out);
    pdf = Files.readAllBytes(out.resolve("qbr-2027-Q2.pdf"));
  }

  @Test
  void shouldPrintEveryCharacterInsideThePage() throws IOException {
    List<String> outside = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      float width = doc.getPage(0).getMediaBox().getWidth();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              for (TextPosition p : positions) {
                if (p.getXDirAdj() + p.getWidthDirAdj() > width) {
                  outside.add(text);
                  return;
                }
              }
            }
          };
      stripper.getText(doc);
    }
    assertThat(outside).isEmpty();
  }

  @Test
  void shouldKeepTheWholeWord() throws IOException {
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
    }
    assertThat(text).contains("Pipeline" + WORD);
  }
}
