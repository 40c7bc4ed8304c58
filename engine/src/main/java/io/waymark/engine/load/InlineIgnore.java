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

  /** Finds the ignore comments of a file's UTF-8 bytes (decoded only when it has one). */
  static List<InlineIgnore> scan(byte[] bytes) {
    outer:
    for (int i = 0; i + MARK.length <= bytes.length; i++) {
      for (int j = 0; j < MARK.length; j++) {
        if (bytes[i + j] != MARK[j]) {
          continue outer;
        }
      }
      return scan(new String(bytes, StandardCharsets.UTF_8));
    }
    return new ArrayList<>();
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
