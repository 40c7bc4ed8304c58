package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.waymark.report.pdf.FontChain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names in Chinese, Arabic and emoji in the QBR's PDF (issue 15): every character is in the text a
 * PDF reader copies out (Arabic in logical order, as typed), and every font is embedded. Needs the
 * fallback fonts (Debian's fonts-droid-fallback and fonts-symbola, which .ci/run installs) and
 * poppler's pdftotext and pdffonts; skipped with a message where they are missing.
 */
class PdfScriptsTest {

  /** "Data platform migration". */
  static final String CHINESE = "数据平台迁移";

  /** "The data platform" and "knowledge layer": joining letters, a lam-alef, a space. */
  static final String ARABIC = "منصة البيانات";

  static final String ARABIC_2 = "طبقة المعرفة";

  static final String EMOJI = "🚀";

  static final String EMOJI_2 = "🎉";

  static final String ORGANISATION = "北风物流 Northwind";

  /** An initiative's name, drawn as a label in the timeline chart: an emoji after a word. */
  static final String INITIATIVE = "调度助手 🚀 pilot";

  /**
   * Initiatives' names drawn as timeline labels in right-to-left scripts: "inference optimisation"
   * (joining letters and a lam-alef) and "agent orchestration" in Hebrew.
   */
  static final String ARABIC_INITIATIVE = "تحسين الاستدلال";

  static final String HEBREW_INITIATIVE = "תזמור סוכנים";

  @TempDir static Path dir;

  static Path pdf;

  static RenderedReport report;

  @BeforeAll
  static void render() throws IOException {
    Path repo = Examples.copyExample(dir.resolve("repo"));
    replace(
        repo.resolve("waymark.yaml"),
        "organisation: Northwind Logistics",
        "organisation: " + ORGANISATION);
    Path roadmap = repo.resolve("roadmap.yaml");
    replace(
        roadmap,
        "title: Vector database deployed (pilot tier)",
        "title: " + CHINESE + " (pilot tier)");
    replace(
        roadmap,
        "title: Readiness re-assessment before the first agentic pilot",
        "title: " + ARABIC + " re-assessment");
    replace(
        roadmap,
        "title: Automated ETL for carrier and customs datasets",
        "title: " + EMOJI + " ETL " + EMOJI_2);
    replace(roadmap, "title: First MLOps training cohort certified", "title: " + ARABIC_2);
    replace(roadmap, "title: Agentic dispatch assistant pilot", "title: " + INITIATIVE);
    replace(
        roadmap,
        "title: Knowledge layer on an open-source vector database",
        "title: " + ARABIC_INITIATIVE);
    replace(
        roadmap,
        "title: API gateway and Kubernetes orchestration for agents",
        "title: " + HEBREW_INITIATIVE);
    report =
        Reports.render(ReportInput.of(Examples.validate(repo, "scripts")).withRepository(repo));
    report.writeTo(dir.resolve("out"));
    pdf = dir.resolve("out").resolve("qbr-2027-Q2.pdf");
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void shouldPrintEveryCharacterOfTheNames() throws IOException {
    assumeFonts();
    assumeTool("pdftotext");
    String text = readable(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
    assertThat(text)
        .contains(
            ORGANISATION + " · Quarterly business review Q2 2027",
            CHINESE + " (pilot tier)",
            EMOJI + " ETL " + EMOJI_2,
            // Arabic as typed (logical order), whatever side poppler puts the neutral space on.
            ARABIC,
            ARABIC_2);
    assertThat(report.notes()).as("no character printed as '#'").isEmpty();
  }

  /**
   * The SVG charts print Chinese, emoji, Arabic and Hebrew too: the timeline's initiative labels
   * are text in the PDF (Chinese and emoji drawn with the fallback fonts, a box before; Arabic and
   * Hebrew were glyph outlines a reader could neither find nor copy), and a reader copies the
   * right-to-left names out in logical order, as typed.
   */
  @Test
  void shouldPrintEveryCharacterOfChartLabels() throws IOException {
    assumeFonts();
    assumeTool("pdftotext");
    String timeline = timelinePage();
    assertThat(readable(timeline).lines())
        .contains(INITIATIVE, ARABIC_INITIATIVE, HEBREW_INITIATIVE, "Today, 14 May 2027");
  }

  /**
   * Arabic in a chart label is shaped: the PDF draws the joined forms (presentation forms, which a
   * reader maps back to the letters), not the isolated letters Batik would draw.
   */
  @Test
  void shouldShapeArabicChartLabels() throws IOException {
    assumeFonts();
    assumeTool("pdftotext");
    List<String> shaped =
        timelinePage()
            .lines()
            .map(l -> l.replaceAll("[\\u200e\\u200f\\u202a-\\u202e]", "").strip())
            .filter(l -> nfkc(l).equals(ARABIC_INITIATIVE))
            .collect(Collectors.toList());
    assertThat(shaped).hasSize(1);
    assertThat(shaped.get(0))
        .as("joined letter forms, a lam-alef ligature")
        .isNotEqualTo(ARABIC_INITIATIVE)
        .containsAnyOf("\uFEFB", "\uFEFC");
  }

  /** The page with the timeline chart, as pdftotext copies it out. */
  private static String timelinePage() throws IOException {
    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      pages = doc.getNumberOfPages();
    }
    String timeline = "";
    for (int p = 1; p <= pages; p++) {
      String page =
          run("pdftotext", "-f", "" + p, "-l", "" + p, "-enc", "UTF-8", pdf.toString(), "-");
      if (page.lines().anyMatch(l -> l.matches("\\d+ Timeline"))) {
        timeline = page;
      }
    }
    assertThat(timeline).as("the page of the timeline chart").isNotEmpty();
    return timeline;
  }

  /**
   * The text as a reader copies it: Arabic presentation forms (the joined shapes the PDF draws)
   * back to their letters (NFKC, as PDF readers do), bidi marks that pdftotext adds dropped.
   */
  static String readable(String text) {
    return nfkc(text).replaceAll("[\\u200e\\u200f\\u202a-\\u202e]", "");
  }

  @Test
  void shouldEmbedEveryFont() throws IOException {
    assumeFonts();
    assumeTool("pdffonts");
    String fonts = run("pdffonts", pdf.toString());
    List<String> rows = fonts.lines().skip(2).collect(Collectors.toList());
    assertThat(rows).isNotEmpty();
    for (String row : rows) {
      // name, type (two words), encoding, then "emb sub uni": every font embedded as a subset.
      assertThat(row)
          .as("embedded subset")
          .matches("\\S+\\s+CID TrueType\\s+Identity-H\\s+yes yes yes .*");
    }
    assertThat(fonts).contains("DejaVuSans", "DroidSansFallback", "Symbola");
  }

  private static void assumeFonts() {
    assumeTrue(
        FontChain.fromEnvironment().note(CHINESE + EMOJI + EMOJI_2).isEmpty(),
        "no fallback font for CJK and emoji: apt-get install fonts-droid-fallback fonts-symbola");
  }

  private static void assumeTool(String tool) {
    assumeTrue(
        new File("/usr/bin/" + tool).canExecute(),
        "/usr/bin/" + tool + " is missing: apt-get install poppler-utils");
  }

  private static String run(String... command) throws IOException {
    command[0] = "/usr/bin/" + command[0];
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new String(output, StandardCharsets.UTF_8);
  }

  static String nfkc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }
}
