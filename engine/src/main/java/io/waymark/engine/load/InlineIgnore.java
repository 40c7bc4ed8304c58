package io.waymark.engine.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An inline {@code # waymark:ignore <rule> -- <reason>} comment. */
public record InlineIgnore(String rule, String reason, int line) {

  private static final Pattern COMMENT =
      Pattern.compile("#\\s*waymark:ignore\\s+([a-z0-9-]+)(?:\\s+--\\s*(.*?))?\\s*$");

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
