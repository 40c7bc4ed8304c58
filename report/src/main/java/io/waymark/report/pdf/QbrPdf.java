package io.waymark.report.pdf;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;

/**
 * Renders the QBR's XHTML to PDF bytes: A4 pages from the print rules of the stylesheet, the
 * bundled DejaVu Sans followed by the {@link FontChain fallback fonts}, right-to-left text laid out
 * with {@link JdkBidi}, a bookmark per section heading, tagged (PDF/UA) with the document's
 * language, and the same bytes for the same input: the creation and modification dates are the date
 * given (the status date, or {@code SOURCE_DATE_EPOCH}) and the document ID is a digest of the
 * input.
 */
public final class QbrPdf {

  /** The font family name the stylesheet asks for first. */
  public static final String FONT_FAMILY = "DejaVu Sans";

  /** The bundled fonts again, for text in a family no font here has. */
  private static final String FALLBACK_FAMILY = "Waymark Last Resort";

  private static final String SCHEME = "waymark";
  private static final String BASE = SCHEME + ":/report/";
  private static final String FONTS = "/io/waymark/report/fonts/";

  private QbrPdf() {}

  /**
   * Starts loading the fonts of the next PDF (the bundled ones and the fallback {@code fonts}) on a
   * thread of its own: about a quarter of a cold PDF's time, and independent of the report. A
   * caller that will render a PDF calls this first, before it makes the report's model and
   * templates.
   */
  public static void prepareAhead(FontChain fonts) {
    PreparedFonts.ahead(fonts.fonts());
  }

  /**
   * As {@link #render(String, Map, Instant, FontChain)} dated 1 January 1970, no fallback fonts.
   */
  public static byte[] render(String xhtml, Map<String, byte[]> files) throws IOException {
    return render(xhtml, files, Instant.EPOCH, FontChain.of(""));
  }

  /**
   * Renders {@code xhtml} (well-formed; it links its stylesheets relatively) to a PDF.
   *
   * @param files the files the document may link to, by name (the stylesheet)
   * @param date the creation and modification date written into the PDF
   * @param fonts the fallback fonts after DejaVu Sans
   */
  public static byte[] render(
      String xhtml, Map<String, byte[]> files, Instant date, FontChain fonts) throws IOException {
    return render(xhtml, files, date, fonts, null);
  }

  /**
   * A sheet rendered to one page ({@code pdf}), or, when it does not fit, the lists to shorten: the
   * names in the {@code data-fit} attribute of every element that runs past the foot of the first
   * page (of the lowest one when only what follows them does).
   */
  public record Sheet(Optional<byte[]> pdf, Set<String> overflowing) {}

  /**
   * Renders {@code xhtml} (the dashboard sheet, {@code dashboard-sheet.ftlh}, laid out for one
   * landscape A4 page by its stylesheet) to a PDF at its printed size, when it fits one page; else
   * says which lists to shorten (the caller then renders a shorter sheet). Same bytes for the same
   * input, like {@link #render(String, Map, Instant, FontChain)}.
   */
  public static Sheet renderSheet(
      String xhtml, Map<String, byte[]> files, Instant date, FontChain fonts) throws IOException {
    Set<String> overflowing = new java.util.TreeSet<>();
    byte[] pdf = render(xhtml, files, date, fonts, overflowing);
    return pdf.length == 0
        ? new Sheet(Optional.empty(), Set.copyOf(overflowing))
        : new Sheet(Optional.of(pdf), Set.of());
  }

  /** The elements of {@code doc} that say which lists they hold ({@code data-fit}). */
  private static List<org.w3c.dom.Element> fitted(Document doc) {
    List<org.w3c.dom.Element> found = new java.util.ArrayList<>();
    org.w3c.dom.NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
      if (e.hasAttribute("data-fit")) {
        found.add(e);
      }
    }
    return found;
  }

  /** The boxes under {@code box} (itself included) of the elements with a {@code data-fit}. */
  private static void collect(
      com.openhtmltopdf.render.Box box,
      Map<org.w3c.dom.Element, List<com.openhtmltopdf.render.Box>> boxes) {
    org.w3c.dom.Element e = box.getElement();
    if (e != null && e.hasAttribute("data-fit")) {
      boxes.computeIfAbsent(e, k -> new java.util.ArrayList<>()).add(box);
    }
    for (int i = 0; i < box.getChildCount(); i++) {
      collect(box.getChild(i), boxes);
    }
  }

  /** The lists named by the {@code data-fit} elements that end below the first page. */
  private static Set<String> overflowing(PdfBoxRenderer renderer, Document doc) {
    int foot = renderer.getRootBox().getLayer().getPages().get(0).getBottom();
    Set<String> names = new java.util.TreeSet<>();
    String lowest = "";
    int lowestBottom = Integer.MIN_VALUE;
    Map<org.w3c.dom.Element, List<com.openhtmltopdf.render.Box>> boxes =
        new java.util.IdentityHashMap<>();
    collect(renderer.getRootBox(), boxes);
    for (org.w3c.dom.Element e : fitted(doc)) {
      for (com.openhtmltopdf.render.Box box : boxes.getOrDefault(e, List.of())) {
        int bottom = box.getAbsY() + box.getHeight();
        if (bottom > foot) {
          names.addAll(Arrays.asList(e.getAttribute("data-fit").trim().split("\\s+")));
        }
        if (bottom > lowestBottom) {
          lowestBottom = bottom;
          lowest = e.getAttribute("data-fit");
        }
      }
    }
    if (names.isEmpty() && !lowest.isBlank()) {
      names.addAll(Arrays.asList(lowest.trim().split("\\s+")));
    }
    return names;
  }

  /**
   * Renders {@code xhtml}; for a one-page sheet ({@code overflowing} not null) nothing, when it
   * takes more than one page, and the names of the lists to shorten added to {@code overflowing}.
   */
  private static byte[] render(
      String xhtml,
      Map<String, byte[]> files,
      Instant date,
      FontChain fonts,
      Set<String> overflowing)
      throws IOException {
    boolean sheet = overflowing != null;
    quietLogging();
    Document doc = PdfStructure.parse(xhtml);
    List<Path> fallback = fonts.fonts();
    ChartFonts chartFonts = ChartFonts.of(fallback);
    PdfStructure.prepare(doc, chartFonts::fallbackFor);
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useSVGDrawer(new EmbeddedFontSvgDrawer(chartFonts));
    // The document with the bundled and fallback fonts already loaded (made ahead while the
    // report's templates rendered, when it was started): the fonts the renderer would load itself.
    PreparedFonts prepared = PreparedFonts.take(fallback);
    b.usePDDocument(prepared.document());
    b.useFont(
        new PDFontSupplier(prepared.regular()),
        FONT_FAMILY,
        400,
        BaseRendererBuilder.FontStyle.NORMAL,
        true);
    b.useFont(
        new PDFontSupplier(prepared.bold()),
        FONT_FAMILY,
        700,
        BaseRendererBuilder.FontStyle.NORMAL,
        true);
    // Text in a family that no font here has (a template's <code>, serif, Arial): the bundled
    // fonts, as a browser falls back to its default font. The accessible PDF embeds every font,
    // so the renderer has no built-in Courier, Times or Helvetica to fall back to: such text was
    // left out of the PDF without a word, and an italic <code> (the appendix's note on findings
    // not listed) stopped the report of every repository with more than 200 findings. Read from
    // the jar only when some text needs it.
    lastResort(b, "DejaVuSans.ttf", 400);
    lastResort(b, "DejaVuSans-Bold.ttf", 700);
    Set<String> chartFamilies = new HashSet<>(List.of(FONT_FAMILY));
    for (int i = 0; i < fallback.size(); i++) {
      Path file = fallback.get(i);
      Optional<PDType0Font> loaded = prepared.fallback(i);
      if (loaded.isPresent()) {
        b.useFont(
            new PDFontSupplier(loaded.get()),
            FontChain.family(i + 1),
            400,
            BaseRendererBuilder.FontStyle.NORMAL,
            true);
      } else {
        b.useFont(
            () -> open(file),
            FontChain.family(i + 1),
            400,
            BaseRendererBuilder.FontStyle.NORMAL,
            true);
      }
      // The charts' text names the font by its own family (ChartFonts).
      Optional<String> own = ChartFonts.familyOf(file);
      if (own.isPresent() && chartFamilies.add(own.get())) {
        b.useFont(() -> open(file), own.get(), 400, BaseRendererBuilder.FontStyle.NORMAL, true);
      }
    }
    b.useUnicodeBidiSplitter(new JdkBidi.SplitterFactory());
    b.useUnicodeBidiReorderer(new JdkBidi.Reorderer());
    b.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
    b.usePdfUaAccessibility(true);
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
    b.withW3cDocument(doc, BASE);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    // The renderer writes into the document it was given, and leaves closing it to its owner.
    try (PDDocument pdf = prepared.document();
        PdfBoxRenderer renderer = b.buildPdfRenderer()) {
      renderer.layout();
      if (sheet && renderer.getRootBox().getLayer().getPages().size() != 1) {
        overflowing.addAll(overflowing(renderer, doc));
        return new byte[0];
      }
      renderer.createPDFWithoutClosing();
      Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      when.setTimeInMillis(date.toEpochMilli());
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setCreationDate(when);
      info.setModificationDate(when);
      pdf.getDocument().getTrailer().setItem(COSName.ID, documentId(xhtml, files, date, fonts));
      pdf.save(out);
    }
    return out.toByteArray();
  }

  /**
   * The PDF's two identifiers (ISO 32000 §14.4), both a digest of everything the PDF is made of,
   * instead of PDFBox's digest of the current time.
   */
  private static COSArray documentId(
      String xhtml, Map<String, byte[]> files, Instant date, FontChain fonts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(xhtml.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
        md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        md.update(e.getValue());
      }
      md.update(date.toString().getBytes(StandardCharsets.UTF_8));
      for (Path font : fonts.fonts()) {
        md.update(font.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      }
      byte[] id = Arrays.copyOf(md.digest(), 16);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      return ids;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("the font " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** A font shipped in the jar. */
  /** A bundled font for text that none of the families it asks for can write. */
  private static void lastResort(PdfRendererBuilder b, String font, int weight) {
    b.useFont(
        () -> bundledFont(font),
        FALLBACK_FAMILY,
        weight,
        BaseRendererBuilder.FontStyle.NORMAL,
        true,
        EnumSet.of(BaseRendererBuilder.FSFontUseCase.FALLBACK_PRE));
  }

  static InputStream bundledFont(String name) {
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
   * Draws the inline SVG charts with the bundled DejaVu Sans and the fallback fonts ({@link
   * ChartFonts}), so chart labels look the same on every machine and print any name. Batik's font
   * resolver exists only once the renderer hands over the document's font rules, hence the
   * override.
   */
  private static final class EmbeddedFontSvgDrawer extends BatikSVGDrawer {
    private final ChartFonts fonts;

    EmbeddedFontSvgDrawer(ChartFonts fonts) {
      super(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE);
      this.fonts = fonts;
    }

    @Override
    public void importFontFaceRules(List<FontFaceRule> rules, SharedContext context) {
      fonts.importFontFaces(rules, context);
      fontResolver = fonts;
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
