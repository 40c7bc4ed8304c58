package io.waymark.report.pdf;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.svgsupport.OpenHtmlGvtGlyphVector;
import com.openhtmltopdf.svgsupport.PDFTranscoder;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.batik.bridge.FontFace;
import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTFontFace;
import org.apache.batik.gvt.font.GVTFontFamily;
import org.apache.batik.gvt.font.GVTGlyphVector;
import org.apache.batik.gvt.font.GVTLineMetrics;
import org.apache.batik.gvt.text.GVTAttributedCharacterIterator;
import org.apache.batik.gvt.text.TextPaintInfo;

/**
 * The fonts of the SVG charts in the PDF (issue 15): the bundled DejaVu Sans, then the {@link
 * FontChain fallback fonts} under their own family names. The PDF's copy of a chart label puts each
 * run of characters DejaVu Sans lacks in a {@code tspan} naming the first fallback font that has
 * them ({@link PdfStructure#prepare}), so that a Chinese or emoji label is drawn with a font that
 * has it instead of a box (Batik's own font matching loses an emoji that follows a word). Chart
 * text is written as PDF text in the embedded fonts (a reader can search and copy it, and {@code
 * pdftotext} finds it), not as glyph outlines; a right-to-left label too, which {@link
 * PdfStructure} puts in drawing order and shapes and {@link ChartTextDrawer} writes.
 */
final class ChartFonts extends PDFTranscoder.OpenHtmlFontResolver {

  private static final Map<String, Optional<Font>> LOADED = new ConcurrentHashMap<>();

  private final Map<String, Family> families;

  /** The PDF's text drawer, once the renderer hands over its fonts ({@link #importFontFaces}). */
  private final AtomicReference<ChartTextDrawer> drawer;

  private ChartFonts(Map<String, Family> families, AtomicReference<ChartTextDrawer> drawer) {
    this.families = families;
    this.drawer = drawer;
  }

  /** DejaVu Sans (regular and bold), then each fallback font that can be read, by family name. */
  static ChartFonts of(List<Path> fallback) {
    Map<String, Family> families = new LinkedHashMap<>();
    AtomicReference<ChartTextDrawer> drawer = new AtomicReference<>();
    Font regular = bundled("DejaVuSans.ttf");
    Font bold = bundled("DejaVuSans-Bold.ttf");
    families.put(QbrPdf.FONT_FAMILY, new Family(QbrPdf.FONT_FAMILY, regular, bold, drawer));
    for (Path file : fallback) {
      load(file)
          .ifPresent(
              f -> families.putIfAbsent(f.getFamily(), new Family(f.getFamily(), f, null, drawer)));
    }
    return new ChartFonts(families, drawer);
  }

  @Override
  public void importFontFaces(List<FontFaceRule> rules, SharedContext context) {
    super.importFontFaces(rules, context);
    drawer.set(new ChartTextDrawer(context));
  }

  /** The fallback font file behind {@code family}, to register it with the PDF under that name. */
  static Optional<String> familyOf(Path file) {
    return load(file).map(Font::getFamily);
  }

  @Override
  public GVTFontFamily resolve(String name) {
    Family f = families.get(name);
    return f != null ? f : super.resolve(name);
  }

  @Override
  public GVTFontFamily resolve(String name, FontFace face) {
    Family f = families.get(name);
    return f != null ? f : super.resolve(name, face);
  }

  /**
   * The fallback family that draws {@code codePoint} in a chart, or empty when DejaVu Sans has it
   * (or no font has it: DejaVu Sans then prints its box).
   */
  Optional<String> fallbackFor(int codePoint) {
    Family first = families.get(QbrPdf.FONT_FAMILY);
    if (first.regular.canDisplay(codePoint)) {
      return Optional.empty();
    }
    for (Family f : families.values()) {
      if (f.regular.canDisplay(codePoint)) {
        return Optional.of(f.name);
      }
    }
    return Optional.empty();
  }

  private static Font bundled(String name) {
    return LOADED
        .computeIfAbsent(
            "bundled:" + name,
            k -> {
              try (InputStream in = QbrPdf.bundledFont(name)) {
                return Optional.of(Font.createFont(Font.TRUETYPE_FONT, in));
              } catch (IOException | FontFormatException e) {
                throw new IllegalStateException(
                    "the bundled font " + name + " cannot be read: " + e.getMessage(), e);
              }
            })
        .orElseThrow();
  }

  private static Optional<Font> load(Path file) {
    return LOADED.computeIfAbsent(
        file.toAbsolutePath().toString(),
        k -> {
          try {
            return Optional.of(Font.createFont(Font.TRUETYPE_FONT, file.toFile()));
          } catch (IOException | FontFormatException | RuntimeException e) {
            return Optional.empty();
          }
        });
  }

  /** One family: a regular font and, for DejaVu Sans, a bold one. */
  static final class Family implements GVTFontFamily {
    private final String name;
    private final Font regular;
    private final Font bold;
    private final AtomicReference<ChartTextDrawer> drawer;

    Family(String name, Font regular, Font bold, AtomicReference<ChartTextDrawer> drawer) {
      this.name = name;
      this.regular = regular;
      this.bold = bold;
      this.drawer = drawer;
    }

    @Override
    public String getFamilyName() {
      return name;
    }

    @Override
    public GVTFontFace getFontFace() {
      return new GVTFontFace(name);
    }

    @Override
    public GVTFont deriveFont(float size, AttributedCharacterIterator aci) {
      return deriveFont(size, aci.getAttributes());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public GVTFont deriveFont(float size, Map attributes) {
      Object weight = attributes.get(TextAttribute.WEIGHT);
      boolean heavy =
          bold != null
              && weight instanceof Number
              && ((Number) weight).floatValue() >= TextAttribute.WEIGHT_DEMIBOLD;
      // The bold file is bold by itself; its style says so, so that the PDF maps it to the bold
      // font registered under the same family (and nothing is emboldened twice).
      Font f = heavy ? bold.deriveFont(Font.BOLD, size) : regular.deriveFont(Font.PLAIN, size);
      return new Sized(this, f);
    }

    @Override
    public boolean isComplex() {
      return false;
    }
  }

  /** A font of a family at one size. */
  static final class Sized implements GVTFont {
    private final Family family;
    private final Font font;

    Sized(Family family, Font font) {
      this.family = family;
      this.font = font;
    }

    @Override
    public boolean canDisplay(char c) {
      return font.canDisplay(c);
    }

    @Override
    public int canDisplayUpTo(char[] text, int start, int limit) {
      return font.canDisplayUpTo(text, start, limit);
    }

    @Override
    public int canDisplayUpTo(CharacterIterator iter, int start, int limit) {
      return font.canDisplayUpTo(iter, start, limit);
    }

    @Override
    public int canDisplayUpTo(String str) {
      return font.canDisplayUpTo(str);
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, char[] chars) {
      return glyphs(frc, new String(chars));
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, CharacterIterator ci) {
      return glyphs(frc, text(ci));
    }

    @Override
    public GVTGlyphVector createGlyphVector(
        FontRenderContext frc, int[] glyphCodes, CharacterIterator ci) {
      return new Glyphs(
          font.createGlyphVector(frc, glyphCodes), this, frc, text(ci), family.drawer.get());
    }

    @Override
    public GVTGlyphVector createGlyphVector(FontRenderContext frc, String str) {
      return glyphs(frc, str);
    }

    private GVTGlyphVector glyphs(FontRenderContext frc, String text) {
      return new Glyphs(font.createGlyphVector(frc, text), this, frc, text, family.drawer.get());
    }

    private static String text(CharacterIterator ci) {
      StringBuilder b = new StringBuilder(ci.getEndIndex() - ci.getBeginIndex());
      for (char c = ci.first(); c != CharacterIterator.DONE; c = ci.next()) {
        b.append(c);
      }
      return b.toString();
    }

    @Override
    public GVTFont deriveFont(float size) {
      return new Sized(family, font.deriveFont(size));
    }

    @Override
    public String getFamilyName() {
      return family.getFamilyName();
    }

    @Override
    public GVTLineMetrics getLineMetrics(
        char[] chars, int begin, int limit, FontRenderContext frc) {
      return new GVTLineMetrics(font.getLineMetrics(chars, begin, limit, frc));
    }

    @Override
    public GVTLineMetrics getLineMetrics(
        CharacterIterator ci, int begin, int limit, FontRenderContext frc) {
      return new GVTLineMetrics(font.getLineMetrics(ci, begin, limit, frc));
    }

    @Override
    public GVTLineMetrics getLineMetrics(String str, FontRenderContext frc) {
      return new GVTLineMetrics(font.getLineMetrics(str, frc));
    }

    @Override
    public GVTLineMetrics getLineMetrics(String str, int begin, int limit, FontRenderContext frc) {
      return new GVTLineMetrics(font.getLineMetrics(str, begin, limit, frc));
    }

    @Override
    public float getSize() {
      return font.getSize2D();
    }

    @Override
    public float getVKern(int glyphCode1, int glyphCode2) {
      return 0;
    }

    @Override
    public float getHKern(int glyphCode1, int glyphCode2) {
      return 0;
    }

    @Override
    public String toString() {
      return family.getFamilyName() + " " + font.getSize2D();
    }
  }

  /**
   * A run of glyphs that the PDF writes as text: the run's characters in its font at the position
   * of its first glyph. A right-to-left run is text too when it comes laid out left to right, as
   * {@link PdfStructure} prepares every chart label (shaped, in drawing order); one that Batik has
   * reversed itself, or a run in a graphics context other than the PDF's, is drawn as outlines.
   */
  static final class Glyphs extends OpenHtmlGvtGlyphVector {
    private final GlyphVector vec;
    private final String text;
    private final ChartTextDrawer drawer;

    Glyphs(
        GlyphVector vec, GVTFont font, FontRenderContext frc, String text, ChartTextDrawer drawer) {
      super(vec, font, frc);
      this.vec = vec;
      this.text = text;
      this.drawer = drawer;
    }

    @Override
    public void draw(Graphics2D g, AttributedCharacterIterator aci) {
      if (!(g instanceof PdfBoxGraphics2D) || !asText(aci)) {
        super.draw(g, aci);
        return;
      }
      if (JdkBidi.hasRightToLeft(text)) {
        ((PdfBoxGraphics2D) g).setFontTextDrawer(drawer);
      }
      Object info = aci.getAttribute(GVTAttributedCharacterIterator.TextAttribute.PAINT_INFO);
      if (info instanceof TextPaintInfo && ((TextPaintInfo) info).fillPaint != null) {
        g.setPaint(((TextPaintInfo) info).fillPaint);
      }
      Point2D at = vec.getGlyphPosition(0);
      Font before = g.getFont();
      g.setFont(vec.getFont());
      g.drawString(text, (float) at.getX(), (float) at.getY());
      g.setFont(before);
    }

    /**
     * Text the font has, one glyph per character, laid out left to right: plain left-to-right text,
     * or a prepared right-to-left label (a run at an even bidi level).
     */
    private boolean asText(AttributedCharacterIterator aci) {
      if (text.isEmpty() || vec.getNumGlyphs() != text.length()) {
        return false;
      }
      if (vec.getFont().canDisplayUpTo(text) != -1) {
        return false;
      }
      if (JdkBidi.hasRightToLeft(text)) {
        Object level = aci.getAttribute(GVTAttributedCharacterIterator.TextAttribute.BIDI_LEVEL);
        if (drawer == null || !(level instanceof Integer) || ((Integer) level & 1) == 1) {
          return false;
        }
      }
      return text.codePoints()
          .noneMatch(
              cp -> {
                byte d = Character.getDirectionality(cp);
                return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING
                    || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE
                    || d == Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING
                    || d == Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE
                    || d == Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT
                    || Character.isISOControl(cp);
              });
    }
  }
}
