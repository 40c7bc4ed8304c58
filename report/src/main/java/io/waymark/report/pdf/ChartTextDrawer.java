package io.waymark.report.pdf;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes the charts' text into the PDF in the fonts the document registered (as openhtmltopdf's own
 * drawer does: a Java font's family, weight and style to the embedded font), and also a
 * right-to-left label that {@link PdfStructure} has already put in drawing order and shaped. The
 * graphics library's drawer refuses any Hebrew or Arabic character, because it lays text out left
 * to right only, and draws such a label as glyph outlines instead; a prepared label is exactly a
 * left-to-right run, so it is written as text.
 */
final class ChartTextDrawer extends PdfBoxGraphics2DFontTextDrawer {

  private final SharedContext context;

  ChartTextDrawer(SharedContext context) {
    this.context = context;
  }

  @Override
  public boolean canDrawText(AttributedCharacterIterator aci, IFontTextDrawerEnv env)
      throws IOException, FontFormatException {
    String text = text(aci);
    if (!JdkBidi.hasRightToLeft(text)) {
      return super.canDrawText(aci, env);
    }
    Object attribute = aci.getAttribute(TextAttribute.FONT);
    Font font = attribute instanceof Font ? (Font) attribute : env.getFont();
    return aci.getRunLimit() == aci.getEndIndex()
        && aci.getAttribute(TextAttribute.BACKGROUND) == null
        && font.canDisplayUpTo(text) == -1
        && mapFont(font, env) != null;
  }

  /** The embedded font of {@code font}'s family, weight and style; null for none. */
  @Override
  protected PDFont mapFont(Font font, IFontTextDrawerEnv env) {
    FontSpecification spec = new FontSpecification();
    spec.size = font.getSize();
    spec.families = new String[] {font.getFamily()};
    spec.fontStyle = font.isItalic() ? IdentValue.ITALIC : IdentValue.NORMAL;
    spec.fontWeight = font.isBold() ? IdentValue.FONT_WEIGHT_700 : IdentValue.NORMAL;
    spec.variant = IdentValue.NORMAL;
    PdfBoxFSFont resolved = (PdfBoxFSFont) context.getFontResolver().resolveFont(context, spec);
    if (resolved == null || resolved.getFontDescriptions().isEmpty()) {
      return null;
    }
    PdfBoxFontResolver.FontDescription first = resolved.getFontDescriptions().get(0);
    // openhtmltopdf answers an unknown family with the built-in Times: outlines are better then.
    if (resolved.getFontDescriptions().size() == 1
        && "Times-Roman".equals(first.getFont().getName())
        && !"Times New Roman".equals(font.getFamily())) {
      return null;
    }
    return first.getFont();
  }

  private static String text(AttributedCharacterIterator aci) {
    StringBuilder b = new StringBuilder();
    for (char c = aci.first(); c != CharacterIterator.DONE; c = aci.next()) {
      b.append(c);
    }
    aci.first();
    return b.toString();
  }
}
