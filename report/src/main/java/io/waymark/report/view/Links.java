package io.waymark.report.view;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns an evidence entry into a link only when it is an absolute http(s) URL with a host and no
 * character that could leave an attribute or a Markdown link; everything else (repository paths,
 * {@code javascript:} and {@code data:} URLs, text) stays plain text.
 */
final class Links {

  private Links() {}

  static QuarterlyReview.Link of(String text) {
    String t = text == null ? "" : text.strip();
    return new QuarterlyReview.Link(t, href(t));
  }

  /** The safe href for {@code text}, or "" when it must not be a link. */
  static String href(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return "";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c == 0x7f || "\"'<>\\`{}|^".indexOf(c) >= 0 || c > 0x7e) {
        return "";
      }
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return "";
      }
    } catch (URISyntaxException e) {
      return "";
    }
    // Parentheses end a Markdown link destination early; percent-encoding keeps the URL the same.
    return text.replace("(", "%28").replace(")", "%29");
  }
}
