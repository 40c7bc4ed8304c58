package io.waymark.report.pdf;

import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;
import java.text.Bidi;
import java.util.Map;

/**
 * Right-to-left text for the PDF with the JDK's own Unicode bidirectional algorithm ({@link
 * java.text.Bidi}) and {@link ArabicShaping}, instead of openhtmltopdf's ICU4J module (a 14 MB
 * library for two small jobs): the splitter cuts each paragraph into runs of one direction, the
 * reorderer shapes Arabic runs and lays them out right to left. Glyphs are then drawn in visual
 * order, so a PDF reader copies Arabic out in logical order.
 */
final class JdkBidi {

  private static final Map<Integer, Integer> MIRRORED =
      Map.ofEntries(
          Map.entry((int) '(', (int) ')'),
          Map.entry((int) ')', (int) '('),
          Map.entry((int) '[', (int) ']'),
          Map.entry((int) ']', (int) '['),
          Map.entry((int) '{', (int) '}'),
          Map.entry((int) '}', (int) '{'),
          Map.entry((int) '<', (int) '>'),
          Map.entry((int) '>', (int) '<'),
          Map.entry(0x00AB, 0x00BB),
          Map.entry(0x00BB, 0x00AB),
          Map.entry(0x2039, 0x203A),
          Map.entry(0x203A, 0x2039));

  private JdkBidi() {}

  /** Creates one splitter per paragraph. */
  static final class SplitterFactory implements BidiSplitterFactory {
    @Override
    public BidiSplitter createBidiSplitter() {
      return new Splitter();
    }
  }

  /** The directional runs of one paragraph. */
  static final class Splitter implements BidiSplitter {
    private Bidi bidi = new Bidi("", Bidi.DIRECTION_LEFT_TO_RIGHT);

    @Override
    public void setParagraph(String paragraph, byte defaultDirection) {
      bidi =
          new Bidi(
              paragraph,
              defaultDirection == RTL
                  ? Bidi.DIRECTION_RIGHT_TO_LEFT
                  : Bidi.DIRECTION_LEFT_TO_RIGHT);
    }

    @Override
    public int countTextRuns() {
      return bidi.getRunCount();
    }

    /** The runs in logical order: openhtmltopdf files them by their start. */
    @Override
    public BidiTextRun getVisualRun(int runIndex) {
      int start = bidi.getRunStart(runIndex);
      return new BidiTextRun(
          start,
          bidi.getRunLimit(runIndex) - start,
          (bidi.getRunLevel(runIndex) & 1) == 1 ? RTL : LTR);
    }

    @Override
    public byte getBaseDirection(String paragraph) {
      for (int i = 0; i < paragraph.length(); ) {
        int cp = paragraph.codePointAt(i);
        byte d = Character.getDirectionality(cp);
        if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
          return LTR;
        }
        if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
            || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
          return RTL;
        }
        i += Character.charCount(cp);
      }
      return NEUTRAL;
    }
  }

  /** Shapes Arabic and turns a right-to-left run into the left-to-right order it is drawn in. */
  static final class Reorderer implements BidiReorderer {
    @Override
    public String reorderRTLTextToLTR(String text) {
      return reverse(text);
    }

    @Override
    public String shapeText(String text) {
      return ArabicShaping.shape(text);
    }

    @Override
    public String deshapeText(String text) {
      return ArabicShaping.deshape(text);
    }

    @Override
    public boolean isLiveImplementation() {
      return true;
    }
  }

  /**
   * {@code text} as a left-to-right line draws it: the bidirectional algorithm's runs in visual
   * order (base direction left to right, as an SVG label's), each right-to-left run shaped and
   * reversed, so that a renderer that only lays out left to right draws it as a browser does.
   * Left-to-right text comes back unchanged.
   */
  static String visual(String text) {
    Bidi bidi = new Bidi(text, Bidi.DIRECTION_LEFT_TO_RIGHT);
    if (bidi.isLeftToRight()) {
      return text;
    }
    int count = bidi.getRunCount();
    byte[] levels = new byte[count];
    String[] runs = new String[count];
    for (int i = 0; i < count; i++) {
      String run = text.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
      levels[i] = (byte) bidi.getRunLevel(i);
      runs[i] = (levels[i] & 1) == 1 ? reverse(ArabicShaping.shape(run)) : run;
    }
    Bidi.reorderVisually(levels, 0, runs, 0, count);
    return String.join("", runs);
  }

  /** Whether {@code text} has a right-to-left letter (Hebrew, Arabic and the like). */
  static boolean hasRightToLeft(String text) {
    return text.codePoints()
        .anyMatch(
            cp -> {
              byte d = Character.getDirectionality(cp);
              return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                  || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            });
  }

  /**
   * {@code text} backwards, a character and its combining marks kept together (a mark follows its
   * letter), brackets mirrored.
   */
  static String reverse(String text) {
    int[] cps = text.codePoints().toArray();
    StringBuilder out = new StringBuilder(text.length());
    int end = cps.length;
    while (end > 0) {
      int start = end - 1;
      while (start > 0 && isMark(cps[start])) {
        start--;
      }
      for (int k = start; k < end; k++) {
        int cp = cps[k];
        out.appendCodePoint(k == start ? MIRRORED.getOrDefault(cp, cp) : cp);
      }
      end = start;
    }
    return out.toString();
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }
}
