package io.waymark.engine.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An inline {@code # waymark:ignore <rule> -- <reason>} comment. */
public record InlineIgnore(String rule, String reason, int line) {

  private static final Pattern COMMENT =
      Pattern.compile("#\\s*waymark:ignore\\s+([a-z0-9-]+)(?:\\s+--\\s*(.*?))?\\s*$");

  private static final byte[] MARK = "waymark:ignore".getBytes(StandardCharsets.US_ASCII);

  /**
   * How far the search for {@link #MARK} may move on when the byte under the mark's last one is
   * {@code b} (Horspool): the whole mark's length for a byte it does not hold, else the distance
   * from the byte's last place in it (the last byte left out) to its end. Most bytes of a file are
   * passed over, not compared: this search runs over every byte of every file read.
   */
  private static final int[] SHIFT = new int[256];

  static {
    java.util.Arrays.fill(SHIFT, MARK.length);
    for (int k = 0; k < MARK.length - 1; k++) {
      SHIFT[MARK[k] & 0xff] = MARK.length - 1 - k;
    }
  }

  /** Finds the ignore comments of a file's UTF-8 bytes (decoded only when it has one). */
  static List<InlineIgnore> scan(byte[] bytes) {
    return holdsMark(bytes) ? scan(new String(bytes, StandardCharsets.UTF_8)) : new ArrayList<>();
  }

  /** Whether {@link #MARK} occurs anywhere in {@code bytes}. */
  static boolean holdsMark(byte[] bytes) {
    int last = MARK.length - 1;
    byte lastByte = MARK[last];
    for (int i = 0; i + last < bytes.length; i += SHIFT[bytes[i + last] & 0xff]) {
      if (bytes[i + last] == lastByte && startsAt(bytes, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsAt(byte[] bytes, int i) {
    for (int j = 0; j < MARK.length - 1; j++) {
      if (bytes[i + j] != MARK[j]) {
        return false;
      }
    }
    return true;
  }

  /** Finds the ignore comments of a file's text, by line (1-based). */
  static List<InlineIgnore> scan(String text) {
    List<InlineIgnore> out = new ArrayList<>();
    if (!text.contains("waymark:ignore")) {
      return out;
    }
    int line = 1;
    for (String s : text.split("\r?\n|\r", -1)) {
      int hash = s.indexOf('#');
      if (hash >= 0 && s.contains("waymark:ignore")) {
        Matcher m = COMMENT.matcher(s.substring(hash));
        if (m.find()) {
          out.add(new InlineIgnore(m.group(1), m.group(2) == null ? "" : m.group(2).strip(), line));
        }
      }
      line++;
    }
    return out;
  }
}
