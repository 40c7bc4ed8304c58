package io.waymark.cli.lsp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cursor stands in a YAML buffer that is being typed, read from the indentation alone: the
 * keys and sequence items above it, and whether it is on a key, on a key's value or on a scalar
 * item of a list. It never parses the document, so it works on a half-written line that no YAML
 * parser accepts ({@code busi} with no colon yet); hover, completion and go-to-definition read it.
 *
 * @param parents the path of the mapping or list the cursor's line belongs to: keys, with {@link
 *     #ITEM} for a sequence item
 * @param key the key of the cursor's line, when it has one ({@code key:} or a key being typed)
 * @param place what the cursor is on
 * @param word the token under or before the cursor (a key, a value, an id), possibly empty
 * @param wordStart the column where {@code word} starts
 * @param wordEnd the column where {@code word} ends
 */
record YamlCursor(
    List<String> parents, String key, Place place, String word, int wordStart, int wordEnd) {

  /** A sequence item in a path. */
  static final String ITEM = "-";

  /** What the cursor is on. */
  enum Place {
    /** A key of a mapping (or a word that will become one). */
    KEY,
    /** The value after {@code key:}. */
    VALUE,
    /** A scalar item of a list ({@code - value}). */
    ITEM,
    /** A comment or nothing useful. */
    NONE
  }

  private static final Pattern KEY = Pattern.compile("([A-Za-z0-9_$.\\-]+)\\s*:(\\s|$)");

  YamlCursor {
    parents = List.copyOf(parents);
  }

  /** The path of the field the cursor is on: the parents and the key (or the item). */
  List<String> field() {
    List<String> path = new ArrayList<>(parents);
    if (place == Place.ITEM) {
      path.add(ITEM);
    } else if (!key.isEmpty()) {
      path.add(key);
    }
    return path;
  }

  /** The key the field's value belongs to: the key itself, or the list's key for an item. */
  String fieldName() {
    if (place == Place.ITEM) {
      for (int i = parents.size() - 1; i >= 0; i--) {
        if (!parents.get(i).equals(ITEM)) {
          return parents.get(i);
        }
      }
      return "";
    }
    return key;
  }

  /** One line of the buffer, split into its sequence dashes, key and value. */
  private record Line(List<Integer> dashes, int content, String key, int keyEnd, String rest) {

    static Optional<Line> of(String text) {
      int i = 0;
      List<Integer> dashes = new ArrayList<>();
      while (true) {
        while (i < text.length() && text.charAt(i) == ' ') {
          i++;
        }
        if (i < text.length()
            && text.charAt(i) == '-'
            && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
          dashes.add(i);
          i++;
          continue;
        }
        break;
      }
      if (i >= text.length() || text.charAt(i) == '#') {
        return dashes.isEmpty()
            ? Optional.empty()
            : Optional.of(new Line(dashes, text.length(), "", -1, ""));
      }
      String body = text.substring(i);
      if (body.startsWith("---") || body.startsWith("...")) {
        return Optional.empty();
      }
      Matcher m = KEY.matcher(body);
      if (m.lookingAt()) {
        String rest = body.substring(m.end(1));
        rest = rest.substring(rest.indexOf(':') + 1);
        return Optional.of(new Line(dashes, i, m.group(1), i + m.end(1), rest));
      }
      return Optional.of(new Line(dashes, i, "", -1, body));
    }
  }

  /** The cursor at {@code line} (0-based) and {@code column} (0-based, in UTF-16 units). */
  static YamlCursor at(String text, int line, int column) {
    String[] lines = text.split("\r?\n", -1);
    if (line < 0 || line >= lines.length) {
      return new YamlCursor(List.of(), "", Place.NONE, "", 0, 0);
    }
    String current = lines[line];
    int col = Math.min(Math.max(column, 0), current.length());
    Optional<Line> parsed = Line.of(current);
    int hash = commentStart(current);
    if (hash >= 0 && col > hash) {
      return new YamlCursor(List.of(), "", Place.NONE, "", col, col);
    }
    List<String> reversed = new ArrayList<>();
    int threshold;
    String key = "";
    Place place;
    if (parsed.isEmpty()) {
      // An empty line: what is typed here belongs to the mapping at the cursor's column.
      threshold = col;
      place = Place.KEY;
    } else {
      Line l = parsed.get();
      if (!l.key().isEmpty()) {
        key = l.key();
        place = col <= l.keyEnd() ? Place.KEY : Place.VALUE;
        threshold = l.content();
      } else if (!l.dashes().isEmpty() && !l.rest().isBlank()) {
        place = col > l.dashes().get(l.dashes().size() - 1) ? Place.ITEM : Place.NONE;
        threshold = l.dashes().get(l.dashes().size() - 1);
      } else {
        place = Place.KEY; // a word without a colon yet
        threshold = l.content();
      }
      // The dashes on the cursor's own line open sequence items it belongs to.
      List<Integer> dashes = l.dashes();
      int from = place == Place.ITEM ? dashes.size() - 2 : dashes.size() - 1;
      if (place == Place.ITEM) {
        // the last dash is the item itself; the others are items the list sits in
        threshold = dashes.get(dashes.size() - 1);
      }
      for (int d = from; d >= 0; d--) {
        reversed.add(ITEM);
        threshold = dashes.get(d);
      }
    }
    for (int n = line - 1; n >= 0 && threshold > 0; n--) {
      Optional<Line> above = Line.of(lines[n]);
      if (above.isEmpty()) {
        continue;
      }
      Line l = above.get();
      if (!l.key().isEmpty() && l.content() < threshold) {
        reversed.add(l.key());
        threshold = l.content();
      }
      for (int d = l.dashes().size() - 1; d >= 0; d--) {
        if (l.dashes().get(d) < threshold) {
          reversed.add(ITEM);
          threshold = l.dashes().get(d);
        }
      }
    }
    Collections.reverse(reversed);
    int[] bounds = word(current, col, place);
    return new YamlCursor(
        reversed, key, place, current.substring(bounds[0], bounds[1]), bounds[0], bounds[1]);
  }

  /** The column of a comment's {@code #} on the line, or -1. */
  private static int commentStart(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && (i == 0 || line.charAt(i - 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  /** The bounds of the token at {@code col}: letters, digits and {@code -_.#/}. */
  private static int[] word(String line, int col, Place place) {
    int start = col;
    while (start > 0 && isWordChar(line.charAt(start - 1))) {
      start--;
    }
    int end = col;
    while (end < line.length() && isWordChar(line.charAt(end))) {
      end++;
    }
    if (place == Place.KEY && end < line.length() && line.charAt(end) == ':') {
      return new int[] {start, end};
    }
    return new int[] {start, end};
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c)
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '#'
        || c == '/'
        || c == '$';
  }
}
