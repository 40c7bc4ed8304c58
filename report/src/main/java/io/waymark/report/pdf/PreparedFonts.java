package io.waymark.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A new PDF document with the fonts the renderer would load into it anyway: the bundled DejaVu Sans
 * (regular and bold) and each {@link FontChain fallback font}, all to be embedded as subsets. The
 * renderer loads every font of the stylesheet's font list as soon as it lays out text (it needs
 * their metrics), and reading the TrueType files (a fallback font for Chinese, Japanese and Korean
 * is 4 MB) was about a quarter of a cold PDF's time, on one core while the other idled. It depends
 * on nothing of the report: {@link #ahead} starts it on a thread of its own while the report's
 * model and templates are made, and {@link #take} hands it to the renderer.
 *
 * <p>Each document is used once (the renderer writes the pages into it): {@link #take} gives the
 * one made ahead when it was made for the same fallback fonts, and otherwise makes one on the
 * calling thread. A preparation that failed is made again on the calling thread, so that its error
 * is the render's own. A fallback font that cannot be loaded is left to the renderer ({@link
 * #fallback} empty), which then loads it, or fails to, exactly as without this.
 *
 * @param document the document the renderer writes into
 * @param regular DejaVu Sans, weight 400, loaded into {@code document}
 * @param bold DejaVu Sans Bold, weight 700, loaded into {@code document}
 * @param files the fallback font files, in the chain's order
 * @param loaded for each of {@code files}, the font loaded into {@code document}, or null
 */
record PreparedFonts(
    PDDocument document,
    PDType0Font regular,
    PDType0Font bold,
    List<Path> files,
    List<PDType0Font> loaded) {

  /** The preparation started by {@link #ahead} and not taken yet; null when there is none. */
  private static final AtomicReference<Ahead> AHEAD = new AtomicReference<>();

  private record Ahead(List<Path> files, CompletableFuture<PreparedFonts> fonts) {}

  /** The {@code i}-th fallback font as loaded ahead, or empty when the renderer is to load it. */
  Optional<PDType0Font> fallback(int i) {
    return Optional.ofNullable(loaded.get(i));
  }

  /**
   * Starts making the next render's document, with these fallback fonts, on a thread of its own,
   * unless one is already made or being made. The thread is a daemon: a run that ends without
   * rendering does not wait for it.
   */
  static void ahead(List<Path> files) {
    List<Path> chain = List.copyOf(files);
    Ahead next = new Ahead(chain, new CompletableFuture<>());
    if (!AHEAD.compareAndSet(null, next)) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                next.fonts().complete(load(chain));
              } catch (IOException | RuntimeException | Error e) {
                next.fonts().completeExceptionally(e);
              }
            },
            "waymark-pdf-fonts");
    thread.setDaemon(true);
    thread.start();
  }

  /** True while a document made (or being made) ahead waits for its render; for tests. */
  static boolean pending() {
    return AHEAD.get() != null;
  }

  /**
   * The document made ahead for these fallback fonts (waiting for it if need be), else one made
   * now.
   */
  static PreparedFonts take(List<Path> files) throws IOException {
    Ahead made = AHEAD.getAndSet(null);
    if (made != null) {
      try {
        PreparedFonts fonts = made.fonts().join();
        if (fonts.files().equals(files)) {
          return fonts;
        }
        fonts.document().close(); // made for other fonts
      } catch (CompletionException e) {
        // made again below, so that the failure is reported as this render's own
      }
    }
    return load(files);
  }

  /** A new document with the bundled fonts and the fallback fonts loaded. */
  static PreparedFonts load(List<Path> files) throws IOException {
    PDDocument document = new PDDocument();
    try {
      PDType0Font regular;
      try (InputStream in = QbrPdf.bundledFont("DejaVuSans.ttf")) {
        regular = warmed(font(document, in));
      }
      PDType0Font bold;
      try (InputStream in = QbrPdf.bundledFont("DejaVuSans-Bold.ttf")) {
        bold = warmed(font(document, in));
      }
      List<PDType0Font> loaded = new ArrayList<>(files.size());
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          loaded.add(font(document, in));
        } catch (IOException | RuntimeException e) {
          loaded.add(null); // the renderer loads it, or reports it, as it would without this
        }
      }
      return new PreparedFonts(
          document, regular, bold, List.copyOf(files), Collections.unmodifiableList(loaded));
    } catch (IOException | RuntimeException e) {
      document.close();
      throw e;
    }
  }

  /**
   * The font in {@code in} loaded into {@code document} for embedding as a subset, as the renderer
   * loads it.
   */
  private static PDType0Font font(PDDocument document, InputStream in) throws IOException {
    return PDType0Font.load(document, in, true);
  }

  /**
   * {@code font} with the tables that layout and subsetting read later (metrics, glyph index and
   * glyphs) read now: for the bundled fonts, which every PDF draws its text with (a fallback font
   * may only be asked for its metrics). Reading tables changes nothing in the PDF: only the
   * characters the renderer encodes go into the subset.
   */
  private static PDType0Font warmed(PDType0Font font) throws IOException {
    if (font.getDescendantFont() instanceof PDCIDFontType2 cid) {
      TrueTypeFont ttf = cid.getTrueTypeFont();
      ttf.getHorizontalMetrics();
      ttf.getIndexToLocation();
      ttf.getGlyph();
    }
    return font;
  }
}
