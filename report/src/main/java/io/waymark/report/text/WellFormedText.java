package io.waymark.report.text;

/**
 * Makes rendered report text well-formed: a character that XML 1.0 does not allow anywhere (the C0
 * controls other than tab and line breaks, an unpaired surrogate, U+FFFE and U+FFFF) is replaced by
 * U+FFFD. One control character in a title would otherwise make the PDF renderer refuse the whole
 * QBR, and a lone surrogate cannot even be written as UTF-8; replaced, it shows as the usual
 * "unknown character" mark and everything else is rendered.
 */
public final class WellFormedText {

  /** The replacement character. */
  public static final char REPLACEMENT = '\uFFFD';

  private WellFormedText() {}

  public static String of(String text) {
    int bad = firstBad(text);
    if (bad < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, bad);
    for (int i = bad; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(i + 1));
        i++;
      } else {
        out.append(allowed(c) ? c : REPLACEMENT);
      }
    }
    return out.toString();
  }

  /**
   * The index of the first char to replace, or -1. Reads the text a block at a time into an array
   * (one bulk copy instead of a bounds-checked {@code charAt} per char: a validation's whole output
   * goes through here) and looks closer only at a char below the space or from the surrogates up.
   */
  static int firstBad(String text) {
    int n = text.length();
    char[] block = new char[Math.min(n, BLOCK) + 1];
    int from = 0;
    while (from < n) {
      int to = Math.min(n, from + BLOCK);
      // One char more than the block, when there is one: a surrogate pair may straddle its end.
      text.getChars(from, Math.min(n, to + 1), block, 0);
      int last = to - from;
      int next = to;
      for (int i = 0; i < last; i++) {
        char c = block[i];
        if (c >= 0x20 && c < 0xD800) {
          continue;
        }
        if (Character.isHighSurrogate(c)
            && from + i + 1 < n
            && Character.isLowSurrogate(block[i + 1])) {
          i++;
          if (i == last) {
            next = to + 1; // the pair's second half was the char past the block
          }
        } else if (!allowed(c)) {
          return from + i;
        }
      }
      from = next;
    }
    return -1;
  }

  private static final int BLOCK = 8192;

  /** Allowed in XML 1.0, for a char that is not part of a surrogate pair. */
  private static boolean allowed(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }
}
