package io.waymark.report.pdf;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Renders the QBR's XHTML to PDF bytes. */
public final class QbrPdf {

  /** The font family name the stylesheet asks for first. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  private static final String SCHEME = "waymark";
  private static final String BASE = SCHEME + ":/report/";
  private static final String FONTS = "/io/waymark/report/fonts/";

  private QbrPdf() {}

  /**
   * Renders {@code xhtml} (well-formed; it links its stylesheets relatively) to a PDF.
   *
   * @param files the files the document may link to, by name (the stylesheet)
   */
  public static byte[] render(String xhtml, Map<String, byte[]> files) throws IOException {
    quietLogging();
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    PdfRendererBuilder b = new PdfRendererBuilder();
    BatikSVGDrawer svg = new EmbeddedFontSvgDrawer();
    b.useSVGDrawer(svg);
    b.useFont(
        () -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
    b.useFont(
        () -> font("DejaVuSans-Bold.ttf"),
        FONT_FAMILY,
        700,
        BaseRendererBuilder.FontStyle.NORMAL,
        true);
    b.useProtocolsStreamImplementation(new MemoryFiles(files), SCHEME);
    b.useHttpStreamImplementation(new MemoryFiles(Map.of()));
    b.useExternalResourceAccessControl(
        (uri, type) -> uri != null && uri.startsWith(BASE),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    b.useExternalResourceAccessControl(
        (uri, type) -> uri != null && (uri.startsWith(BASE) || !uri.contains(":")),
        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    b.withDiagnosticConsumer(QbrPdf::ignore);
    b.withProducer("Waymark");
    b.withHtmlContent(xhtml, BASE);
    b.toStream(out);
    b.run();
    return out.toByteArray();
  }

  private static InputStream font(String name) {
    InputStream in = QbrPdf.class.getResourceAsStream(FONTS + name);
    if (in == null) {
      throw new IllegalStateException("the bundled font " + name + " is missing from the jar");
    }
    return in;
  }

  private static void ignore(Diagnostic d) {
    // Layout diagnostics (unsupported CSS in the browser-only rules) are expected; nothing to do.
  }

  /** PDFBox and openhtmltopdf log font fallbacks through JUL; a report command prints nothing. */
  private static void quietLogging() {
    XRLog.setLoggingEnabled(false);
    for (String name :
        new String[] {"com.openhtmltopdf", "org.apache.pdfbox", "org.apache.fontbox"}) {
      Logger.getLogger(name).setLevel(Level.OFF);
    }
  }

  /**
   * Draws the inline SVG charts with the bundled DejaVu Sans too, so chart labels look the same on
   * every machine. Batik's font resolver exists only once the renderer hands over the document's
   * font rules, hence the override.
   */
  private static final class EmbeddedFontSvgDrawer extends BatikSVGDrawer {
    EmbeddedFontSvgDrawer() {
      super(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE);
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> rules, SharedContext context) {
      super.importFontFaceRules(rules, context);
      try {
        addFontStream(
            () -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL);
        addFontStream(
            () -> font("DejaVuSans-Bold.ttf"),
            FONT_FAMILY,
            700,
            BaseRendererBuilder.FontStyle.NORMAL);
      } catch (IOException | FontFormatException e) {
        throw new IllegalStateException(
            "the bundled DejaVu Sans font cannot be read: " + e.getMessage(), e);
      }
    }
  }

  /** Serves the linked files from memory under the {@code waymark:} scheme. */
  private static final class MemoryFiles implements FSStreamFactory {
    private final Map<String, byte[]> files;

    MemoryFiles(Map<String, byte[]> files) {
      this.files = Map.copyOf(files);
    }

    @Override
    public FSStream getUrl(String url) {
      String name = url.startsWith(BASE) ? url.substring(BASE.length()) : "";
      byte[] bytes = files.get(name);
      return new FSStream() {
        @Override
        public InputStream getStream() {
          return bytes == null ? null : new ByteArrayInputStream(bytes);
        }

        @Override
        public Reader getReader() {
          return bytes == null
              ? null
              : new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        }
      };
    }
  }
}
