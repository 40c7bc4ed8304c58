package io.waymark.report.pdf;

import java.util.HashMap;
import java.util.Map;

/**
 * Arabic letters in their joined forms, as the PDF needs them: PDFBox draws one glyph per character
 * and applies no OpenType shaping, so the renderer is handed the Unicode presentation forms
 * (isolated, final, initial, medial, and the lam-alef ligatures) that a shaping engine would have
 * chosen. Covers the Arabic letters U+0621–U+064A and the Persian and Urdu letters پ چ ژ ک گ ی;
 * other characters pass through unchanged. Text is in logical order (as typed).
 */
final class ArabicShaping {

  /** How a letter joins its neighbours (Unicode ArabicShaping.txt). */
  private enum Joining {
    /** Joins on both sides: four forms. */
    DUAL,
    /** Joins only to the letter before it: isolated and final forms. */
    RIGHT,
    /** Never joins (hamza). */
    NONE,
    /** Causes joining but keeps its shape (tatweel). */
    CAUSING,
    /** Combining marks: skipped when looking for neighbours. */
    TRANSPARENT,
    /** Any other character: breaks joining. */
    OTHER
  }

  private static final int LAM = 0x0644;
  private static final int TATWEEL = 0x0640;

  /** Letter to its isolated presentation form; final, initial and medial follow it. */
  private static final Map<Integer, Integer> ISOLATED = new HashMap<>();

  private static final Map<Integer, Joining> JOINING = new HashMap<>();

  /** Presentation form (or ligature) back to the letters it shows. */
  private static final Map<Integer, String> LETTERS = new HashMap<>();

  /** Alef variants to the isolated form of their ligature with lam. */
  private static final Map<Integer, Integer> LAM_ALEF =
      Map.of(0x0622, 0xFEF5, 0x0623, 0xFEF7, 0x0625, 0xFEF9, 0x0627, 0xFEFB);

  static {
    letter(0x0621, Joining.NONE, 0xFE80);
    letter(0x0622, Joining.RIGHT, 0xFE81);
    letter(0x0623, Joining.RIGHT, 0xFE83);
    letter(0x0624, Joining.RIGHT, 0xFE85);
    letter(0x0625, Joining.RIGHT, 0xFE87);
    letter(0x0626, Joining.DUAL, 0xFE89);
    letter(0x0627, Joining.RIGHT, 0xFE8D);
    letter(0x0628, Joining.DUAL, 0xFE8F);
    letter(0x0629, Joining.RIGHT, 0xFE93);
    letter(0x062A, Joining.DUAL, 0xFE95);
    letter(0x062B, Joining.DUAL, 0xFE99);
    letter(0x062C, Joining.DUAL, 0xFE9D);
    letter(0x062D, Joining.DUAL, 0xFEA1);
    letter(0x062E, Joining.DUAL, 0xFEA5);
    letter(0x062F, Joining.RIGHT, 0xFEA9);
    letter(0x0630, Joining.RIGHT, 0xFEAB);
    letter(0x0631, Joining.RIGHT, 0xFEAD);
    letter(0x0632, Joining.RIGHT, 0xFEAF);
    letter(0x0633, Joining.DUAL, 0xFEB1);
    letter(0x0634, Joining.DUAL, 0xFEB5);
    letter(0x0635, Joining.DUAL, 0xFEB9);
    letter(0x0636, Joining.DUAL, 0xFEBD);
    letter(0x0637, Joining.DUAL, 0xFEC1);
    letter(0x0638, Joining.DUAL, 0xFEC5);
    letter(0x0639, Joining.DUAL, 0xFEC9);
    letter(0x063A, Joining.DUAL, 0xFECD);
    letter(0x0641, Joining.DUAL, 0xFED1);
    letter(0x0642, Joining.DUAL, 0xFED5);
    letter(0x0643, Joining.DUAL, 0xFED9);
    letter(0x0644, Joining.DUAL, 0xFEDD);
    letter(0x0645, Joining.DUAL, 0xFEE1);
    letter(0x0646, Joining.DUAL, 0xFEE5);
    letter(0x0647, Joining.DUAL, 0xFEE9);
    letter(0x0648, Joining.RIGHT, 0xFEED);
    // Alef maksura joins on both sides, but the basic block has only its isolated and final forms.
    letter(0x0649, Joining.RIGHT, 0xFEEF);
    letter(0x064A, Joining.DUAL, 0xFEF1);
    letter(0x067E, Joining.DUAL, 0xFB56);
    letter(0x0686, Joining.DUAL, 0xFB7A);
    letter(0x0698, Joining.RIGHT, 0xFB8A);
    letter(0x06A9, Joining.DUAL, 0xFB8E);
    letter(0x06AF, Joining.DUAL, 0xFB92);
    letter(0x06CC, Joining.DUAL, 0xFBFC);
    JOINING.put(TATWEEL, Joining.CAUSING);
    for (int mark = 0x064B; mark <= 0x065F; mark++) {
      JOINING.put(mark, Joining.TRANSPARENT);
    }
    JOINING.put(0x0670, Joining.TRANSPARENT);
    for (Map.Entry<Integer, Integer> e : LAM_ALEF.entrySet()) {
      String pair = new String(new int[] {LAM, e.getKey()}, 0, 2);
      LETTERS.put(e.getValue(), pair);
      LETTERS.put(e.getValue() + 1, pair);
    }
  }

  private ArabicShaping() {}

  private static void letter(int letter, Joining joining, int isolated) {
    JOINING.put(letter, joining);
    ISOLATED.put(letter, isolated);
    int forms = joining == Joining.DUAL ? 4 : joining == Joining.RIGHT ? 2 : 1;
    String text = new String(Character.toChars(letter));
    for (int i = 0; i < forms; i++) {
      LETTERS.put(isolated + i, text);
    }
  }

  private static Joining joining(int cp) {
    return JOINING.getOrDefault(cp, Joining.OTHER);
  }

  /** Whether {@code text} has a character this class shapes. */
  static boolean hasArabic(String text) {
    return text.codePoints().anyMatch(ISOLATED::containsKey);
  }

  /** The text with every Arabic letter in the form its neighbours call for. */
  static String shape(String text) {
    if (!hasArabic(text)) {
      return text;
    }
    int[] cps = text.codePoints().toArray();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      Integer isolated = ISOLATED.get(cp);
      if (isolated == null) {
        out.appendCodePoint(cp);
        continue;
      }
      boolean before = joinsForward(previous(cps, i));
      if (cp == LAM && i + 1 < cps.length && LAM_ALEF.containsKey(cps[i + 1])) {
        out.appendCodePoint(LAM_ALEF.get(cps[i + 1]) + (before ? 1 : 0));
        i++;
        continue;
      }
      Joining j = joining(cp);
      boolean after = joinsBackward(next(cps, i));
      int form = 0;
      if (j == Joining.DUAL) {
        form = before && after ? 3 : before ? 1 : after ? 2 : 0;
      } else if (j == Joining.RIGHT) {
        form = before ? 1 : 0;
      }
      out.appendCodePoint(isolated + form);
    }
    return out.toString();
  }

  /** The letters behind presentation forms: the inverse of {@link #shape}. */
  static String deshape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String letters = LETTERS.get(cp);
              if (letters == null) {
                out.appendCodePoint(cp);
              } else {
                out.append(letters);
              }
            });
    return out.toString();
  }

  private static int previous(int[] cps, int i) {
    for (int k = i - 1; k >= 0; k--) {
      if (joining(cps[k]) != Joining.TRANSPARENT) {
        return cps[k];
      }
    }
    return -1;
  }

  private static int next(int[] cps, int i) {
    for (int k = i + 1; k < cps.length; k++) {
      if (joining(cps[k]) != Joining.TRANSPARENT) {
        return cps[k];
      }
    }
    return -1;
  }

  /** Whether the letter before joins to the one after it. */
  private static boolean joinsForward(int cp) {
    Joining j = joining(cp);
    return j == Joining.DUAL || j == Joining.CAUSING;
  }

  /** Whether the letter after joins to the one before it. */
  private static boolean joinsBackward(int cp) {
    Joining j = joining(cp);
    return j == Joining.DUAL || j == Joining.RIGHT || j == Joining.CAUSING;
  }
}
