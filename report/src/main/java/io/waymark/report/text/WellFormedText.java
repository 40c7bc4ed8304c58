package io.waymark.report.text;

import java.io.IOException;
import java.io.Writer;

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

  /**
   * A writer that passes what it is given on to {@code out} as {@link #of} would make it: for an
   * output written as it is made (a JSON of tens of megabytes), never whole in memory. A high
   * surrogate at the end of one write waits for the next; {@link Writer#close} gives it up as
   * unpaired.
   */
  public static Writer writer(Writer out) {
    return new WellFormedWriter(out);
  }

  private static final class WellFormedWriter extends Writer {
    private final Writer out;
    private final char[] made = new char[BLOCK + 1];

    /** A high surrogate written last, whose pair may come with the next write; 0 when none. */
    private char high;

    WellFormedWriter(Writer out) {
      super(out);
      this.out = out;
    }

    @Override
    public void write(char[] given, int from, int length) throws IOException {
      int end = from + length;
      int n = 0;
      for (int i = from; i < end; i++) {
        if (n >= BLOCK) {
          out.write(made, 0, n);
          n = 0;
        }
        char c = given[i];
        if (high != 0) {
          if (Character.isLowSurrogate(c)) {
            made[n++] = high;
            made[n++] = c;
            high = 0;
            continue;
          }
          made[n++] = REPLACEMENT;
          high = 0;
        }
        if (Character.isHighSurrogate(c)) {
          high = c;
        } else {
          made[n++] = allowed(c) ? c : REPLACEMENT;
        }
      }
      out.write(made, 0, n);
    }

    /** An unpaired high surrogate left from the last write, replaced. */
    private void giveUpHigh() throws IOException {
      if (high != 0) {
        out.write(REPLACEMENT);
        high = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush(); // a high surrogate left waits: its pair may still come
    }

    @Override
    public void close() throws IOException {
      giveUpHigh();
      out.close();
    }
  }

  /** Allowed in XML 1.0, for a char that is not part of a surrogate pair. */
  private static boolean allowed(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }
}
