package io.waymark.cli.format;

/**
 * Escaping for the XML formats (JUnit, checkstyle). Characters XML 1.0 does not allow at all (most
 * C0 control characters, lone surrogates, U+FFFE and U+FFFF) are dropped, since no escape makes
 * them legal; markup characters are escaped, and in attributes so are tabs and line breaks, which a
 * parser would otherwise normalise to spaces.
 */
final class Xml {

  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private Xml() {}

  /** Character data: {@code & < >} escaped, {@code \r} kept as a reference. */
  static String text(String s) {
    return escape(s, false);
  }

  /** An attribute value in double quotes. */
  static String attribute(String s) {
    return escape(s, true);
  }

  /** {@code name="value"} with the value escaped, preceded by a space. */
  static String attribute(String name, Object value) {
    return " " + name + "=\"" + attribute(String.valueOf(value)) + "\"";
  }

  /** True for a code point XML 1.0 allows in a document. */
  static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!allowed(c)) {
        continue;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\r' -> out.append("&#13;");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> out.appendCodePoint(c);
      }
    }
    return out.toString();
  }
}
