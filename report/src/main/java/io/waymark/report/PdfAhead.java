package io.waymark.report;

import io.waymark.engine.Futures;
import io.waymark.report.pdf.FontChain;
import io.waymark.report.pdf.QbrPdf;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The QBR's PDF rendered on a thread of its own, started as soon as its XHTML is made, while the
 * Markdown and dashboard templates render: a cold PDF takes about a second of one core, and the
 * other core idles meanwhile. The bytes are those {@link QbrPdf#render} gives on the caller's
 * thread; a failure is handed to the caller as it was thrown ({@link #join}), after the templates'
 * own failures, as before.
 */
final class PdfAhead {

  /** The render's stack: more than the command line's main thread has (8 MiB). */
  private static final long STACK_BYTES = 16L * 1024 * 1024;

  private final CompletableFuture<byte[]> pdf = new CompletableFuture<>();

  private PdfAhead() {}

  /**
   * Starts rendering {@code html} with {@code css} as {@link Reports#render} would; null when the
   * PDF's date cannot be told (a malformed {@code SOURCE_DATE_EPOCH}): the caller then renders on
   * its own thread and reports that in its place.
   */
  static PdfAhead start(String html, Map<String, byte[]> css, ReportInput input) {
    Instant date;
    try {
      date = Reports.pdfDate(input.result().asOf(), System.getenv(Reports.SOURCE_DATE_EPOCH));
    } catch (ReportException e) {
      return null;
    }
    FontChain fonts = FontChain.fromEnvironment();
    PdfAhead ahead = new PdfAhead();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                ahead.pdf.complete(QbrPdf.render(html, css, date, fonts));
              } catch (IOException | RuntimeException | Error e) { // NOPMD: handed to join()
                ahead.pdf.completeExceptionally(e);
              }
            },
            "waymark-pdf",
            STACK_BYTES);
    thread.setDaemon(true); // a report that fails in a template does not wait for its PDF
    thread.start();
    return ahead;
  }

  /** The PDF's bytes, once rendered; what the render threw, as it threw it. */
  byte[] join() throws IOException {
    return Futures.join(pdf);
  }
}
