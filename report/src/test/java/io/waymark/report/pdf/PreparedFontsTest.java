package io.waymark.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Isolated: the fonts made ahead are one per JVM, and the other classes' reports start them too.
 *
 * <p>The PDF's fonts loaded ahead on a thread of their own: used once, only for the fallback fonts
 * they were made for, and the PDF the same bytes as with fonts the render loads itself.
 */
@Isolated
class PreparedFontsTest {

  @TempDir Path dir;

  /** A real TrueType file in a folder of fallback fonts (DejaVu Sans Bold, from the jar). */
  private Path font(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = QbrPdf.bundledFont("DejaVuSans-Bold.ttf")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void shouldHandTheFontsMadeAheadToOneRenderOnly() throws IOException {
    List<Path> chain = List.of(font("a.ttf"));
    PreparedFonts.ahead(chain);
    assertThat(PreparedFonts.pending()).as("started").isTrue();
    PreparedFonts first = PreparedFonts.take(chain);
    assertThat(PreparedFonts.pending()).as("taken").isFalse();
    PreparedFonts second = PreparedFonts.take(chain);
    try {
      assertThat(first.files()).isEqualTo(chain);
      assertThat(first.fallback(0)).isPresent();
      assertThat(first.regular().getName()).contains("DejaVuSans");
      assertThat(first.bold().getName()).contains("DejaVuSans-Bold");
      assertThat(second.document()).as("a document is written once").isNotSameAs(first.document());
      assertThat(second.fallback(0)).isPresent();
    } finally {
      first.document().close();
      second.document().close();
    }
  }

  @Test
  void shouldMakeTheFontsAgainForAnotherChain() throws IOException {
    List<Path> made = List.of(font("a.ttf"));
    List<Path> wanted = List.of(font("b.ttf"), font("c.ttf"));
    PreparedFonts.ahead(made);
    PreparedFonts fonts = PreparedFonts.take(wanted);
    try {
      assertThat(fonts.files()).isEqualTo(wanted);
      assertThat(fonts.loaded()).hasSize(2).doesNotContainNull();
    } finally {
      fonts.document().close();
    }
  }

  @Test
  void shouldLeaveAFallbackFontThatCannotBeLoadedToTheRenderer() throws IOException {
    Path broken = Files.write(dir.resolve("broken.ttf"), new byte[] {1, 2, 3});
    Path good = font("good.ttf");
    PreparedFonts fonts = PreparedFonts.load(List.of(broken, dir.resolve("missing.ttf"), good));
    try {
      assertThat(fonts.fallback(0)).as("not a font").isEmpty();
      assertThat(fonts.fallback(1)).as("no such file").isEmpty();
      assertThat(fonts.fallback(2)).isPresent();
    } finally {
      fonts.document().close();
    }
  }

  @Test
  void shouldRenderTheSameBytesWithTheFontsMadeAheadAsWithout() throws IOException {
    font("fallback.ttf");
    FontChain chain = FontChain.find(List.of(dir), List.of());
    assertThat(chain.fonts()).hasSize(1);
    String xhtml =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>t</title>"
            + "<style>body { font-family: \"DejaVu Sans\", \"Waymark Fallback 1\"; }</style>"
            + "</head><body><h1>Quarterly review</h1><p>Northwind <b>bold</b> — ✓</p></body></html>";
    Instant date = Instant.parse("2027-05-14T00:00:00Z");

    byte[] alone = QbrPdf.render(xhtml, Map.of(), date, chain);
    QbrPdf.prepareAhead(chain);
    assertThat(PreparedFonts.pending()).isTrue();
    byte[] ahead = QbrPdf.render(xhtml, Map.of(), date, chain);
    assertThat(PreparedFonts.pending()).isFalse();

    assertThat(ahead).isEqualTo(alone);
    try (PDDocument pdf = Loader.loadPDF(ahead)) {
      List<String> fonts = new ArrayList<>();
      for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
        fonts.add(pdf.getPage(0).getResources().getFont(name).getName());
      }
      assertThat(fonts)
          .as("the bundled fonts, regular and bold, embedded as subsets")
          .anyMatch(f -> f.endsWith("+DejaVuSans"))
          .anyMatch(f -> f.endsWith("+DejaVuSans-Bold"));
    }
  }
}
