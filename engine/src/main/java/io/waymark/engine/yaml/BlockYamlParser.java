package io.waymark.engine.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * A fast reader for the block-YAML subset roadmap files use. It produces the same events, with the
 * same start marks, as SnakeYAML Engine's parser, so {@link YamlReader} feeds them to the same
 * builder and every limit and check stays in one place. It accepts only input it fully understands
 * and that is valid YAML: anything else (anchors, aliases, tags, escaped line breaks, multi-line
 * flow collections, nested flow collections, complex keys, tabs, directives, document end markers,
 * unusual characters or line breaks, any syntax error) makes {@link #parse} return {@code null},
 * and the caller reads the text with SnakeYAML instead.
 *
 * <p>Supported: documents separated by {@code ---}; full-line and trailing comments; block mappings
 * with plain or one-line quoted keys; block sequences, also indented at the level of their key and
 * with compact mappings ({@code - key: value}); plain scalars, also folded over several lines;
 * single- and double-quoted scalars, also over several lines (double-quoted with the escapes {@code
 * \\ \" \/ \n \t \r \0}); one-line flow sequences and mappings of scalars; literal block scalars
 * ({@code | |-}); folded ones ({@code > >-}) whose lines all have the same indentation.
 */
final class BlockYamlParser {

  /** Thrown (without a stack trace) on the first thing outside the subset. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super("outside the fast subset", null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  /** Deeper nesting is left to the SnakeYAML path (which reports the depth limit). */
  private static final int MAX_DEPTH = 100;

  /** SnakeYAML refuses simple keys longer than 1024 characters; stay well below. */
  private static final int MAX_KEY_LENGTH = 1000;

  private static final int[] NO_BUFFER = new int[0];
  private static final ImplicitTuple PLAIN = new ImplicitTuple(true, false);
  private static final ImplicitTuple QUOTED = new ImplicitTuple(false, true);

  /**
   * What the parser found, in document order: SnakeYAML's events without their objects. Lines,
   * indexes and columns are 0-based, as in SnakeYAML's marks (a column counts code points). The
   * reader's tree builder takes them directly ({@link YamlReader}); {@link #parse(char[])} turns
   * them into SnakeYAML's events, which the differential tests compare with SnakeYAML's own.
   */
  interface Sink {
    void documentStart();

    void documentEnd();

    void collectionStart(boolean mapping, boolean flow, int line, int index, int column);

    void collectionEnd(boolean mapping);

    void scalar(String value, ScalarStyle style, int line, int index, int column);
  }

  /** The events SnakeYAML's parser gives for the same text, with the same start marks. */
  private static final class EventSink implements Sink {
    final List<Event> events = new ArrayList<>();

    private static Optional<Mark> mark(int line, int index, int column) {
      return Optional.of(new Mark("", index, line, column, NO_BUFFER, 0));
    }

    @Override
    public void documentStart() {
      events.add(new DocumentStartEvent(false, Optional.empty(), Map.of()));
    }

    @Override
    public void documentEnd() {
      events.add(new DocumentEndEvent(false));
    }

    @Override
    public void collectionStart(boolean mapping, boolean flow, int line, int index, int column) {
      Optional<Mark> start = mark(line, index, column);
      FlowStyle style = flow ? FlowStyle.FLOW : FlowStyle.BLOCK;
      events.add(
          mapping
              ? new MappingStartEvent(Optional.empty(), Optional.empty(), true, style, start, start)
              : new SequenceStartEvent(
                  Optional.empty(), Optional.empty(), true, style, start, start));
    }

    @Override
    public void collectionEnd(boolean mapping) {
      events.add(mapping ? new MappingEndEvent() : new SequenceEndEvent());
    }

    @Override
    public void scalar(String value, ScalarStyle style, int line, int index, int column) {
      Optional<Mark> m = mark(line, index, column);
      events.add(
          new ScalarEvent(
              Optional.empty(),
              Optional.empty(),
              style == ScalarStyle.PLAIN ? PLAIN : QUOTED,
              value,
              style,
              m,
              m));
    }
  }

  private final char[] cs;
  private final int[] starts;
  private final int[] ends;
  private final boolean[] supplementary;
  private final int lines;
  private final Sink events;
  private int depth;

  private BlockYamlParser(
      char[] cs, int[] starts, int[] ends, boolean[] supplementary, int lines, Sink events) {
    this.cs = cs;
    this.starts = starts;
    this.ends = ends;
    this.supplementary = supplementary;
    this.lines = lines;
    this.events = events;
  }

  /** The events of {@code text} (BOM already removed), or {@code null} if outside the subset. */
  static List<Event> parse(String text) {
    return parse(text.toCharArray());
  }

  /** The events of a text (BOM already removed), or {@code null} if outside the subset. */
  static List<Event> parse(char[] cs) {
    EventSink sink = new EventSink();
    return parse(cs, sink) ? sink.events : null;
  }

  /**
   * Tells {@code sink} what a text (BOM already removed) holds; false if it is outside the subset
   * (the sink has then been told a part of it, to be thrown away).
   */
  static boolean parse(char[] cs, Sink sink) {
    int n = cs.length;
    int count = 1;
    for (char c : cs) {
      if (c == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int[] ends = new int[count];
    boolean[] supplementary = new boolean[count];
    int line = 0;
    starts[0] = 0;
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      if (c >= 0x20 && c <= 0x7E) {
        continue;
      }
      if (c == '\n') {
        ends[line] = i > starts[line] && cs[i - 1] == '\r' ? i - 1 : i;
        starts[++line] = i + 1;
      } else if (c == '\r') {
        if (i + 1 >= n || cs[i + 1] != '\n') {
          return false; // CR-only line break
        }
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 >= n || !Character.isLowSurrogate(cs[i + 1])) {
          return false;
        }
        supplementary[line] = true;
        i++;
      } else if (!(c >= 0xA1 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
          && !(c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)) {
        return false; // tabs, controls, NEL, NBSP, line/paragraph separators, BOM, lone surrogates
      }
    }
    ends[line] = n;
    BlockYamlParser parser = new BlockYamlParser(cs, starts, ends, supplementary, line + 1, sink);
    try {
      parser.stream();
    } catch (Unsupported e) {
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- documents

  private void stream() {
    int l = nextContent(0);
    while (l < lines) {
      if (isDocumentStart(l)) {
        l = nextContent(l + 1);
        if (l >= lines || isMarkerLike(l)) {
          throw UNSUPPORTED; // empty explicit document, or '---' after '---'
        }
      }
      if (isMarkerLike(l)) {
        throw UNSUPPORTED; // '...', or '---' followed by text
      }
      events.documentStart();
      int ind = indent(l);
      l = blockNode(l, ind);
      events.documentEnd();
      if (l < lines && !isDocumentStart(l)) {
        throw UNSUPPORTED;
      }
    }
  }

  /** A line that starts with '---' or '...' at column 1: a document marker or something odd. */
  private boolean isMarkerLike(int l) {
    int a = starts[l];
    return ends[l] - a >= 3
        && ((cs[a] == '-' && cs[a + 1] == '-' && cs[a + 2] == '-')
            || (cs[a] == '.' && cs[a + 1] == '.' && cs[a + 2] == '.'));
  }

  /** Exactly '---', optionally followed by spaces and a comment. */
  private boolean isDocumentStart(int l) {
    int a = starts[l];
    int e = ends[l];
    if (e - a < 3 || cs[a] != '-' || cs[a + 1] != '-' || cs[a + 2] != '-') {
      return false;
    }
    int p = a + 3;
    if (p == e) {
      return true;
    }
    if (cs[p] != ' ') {
      return false;
    }
    p = skipSpaces(p, e);
    if (p == e) {
      return true;
    }
    if (cs[p] == '#') {
      return true;
    }
    throw UNSUPPORTED; // content after '---'
  }

  // ---------------------------------------------------------------- lines

  private int indent(int l) {
    int a = starts[l];
    int e = ends[l];
    int p = a;
    while (p < e && cs[p] == ' ') {
      p++;
    }
    return p - a;
  }

  private int skipSpaces(int p, int e) {
    while (p < e && cs[p] == ' ') {
      p++;
    }
    return p;
  }

  /** The first line at or after {@code l} with content other than spaces and a comment. */
  private int nextContent(int l) {
    while (l < lines) {
      int p = skipSpaces(starts[l], ends[l]);
      if (p < ends[l] && cs[p] != '#') {
        return l;
      }
      l++;
    }
    return lines;
  }

  /** The 0-based column of {@code pos} on line {@code l}, in code points. */
  private int column(int l, int pos) {
    return supplementary[l]
        ? Character.codePointCount(cs, starts[l], pos - starts[l])
        : pos - starts[l];
  }

  private void start(boolean mapping, boolean flow, int l, int pos) {
    events.collectionStart(mapping, flow, l, pos, column(l, pos));
  }

  private boolean isDash(int l, int p) {
    return cs[p] == '-' && (p + 1 == ends[l] || cs[p + 1] == ' ');
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw UNSUPPORTED;
    }
  }

  // ---------------------------------------------------------------- block collections

  /**
   * A block mapping or sequence starting at the content of line {@code l}, indented {@code ind}.
   */
  private int blockNode(int l, int ind) {
    int p = starts[l] + ind;
    if (isDash(l, p)) {
      return sequence(l, ind, false);
    }
    if (keyEnd(l, p) >= 0) {
      return mapping(l, p, ind);
    }
    throw UNSUPPORTED; // a scalar on its own line, a flow collection, '?', ...
  }

  private int mapping(int l, int p, int mapIndent) {
    enter();
    start(true, false, l, p);
    while (true) {
      int colon = keyEnd(l, p);
      if (colon < 0) {
        throw UNSUPPORTED;
      }
      key(l, p, colon);
      int afterColon = colon + 1;
      int e = ends[l];
      int q = skipSpaces(afterColon, e);
      if (q == e || (cs[q] == '#' && q > afterColon)) {
        int next = nextContent(l + 1);
        if (next < lines && !isMarkerLike(next) && indent(next) > mapIndent) {
          l = blockNode(next, indent(next));
        } else if (next < lines
            && !isMarkerLike(next)
            && indent(next) == mapIndent
            && isDash(next, starts[next] + mapIndent)) {
          l = sequence(next, mapIndent, true);
        } else {
          emptyScalar(l, afterColon);
          l = next;
        }
      } else {
        l = inlineValue(l, q, mapIndent);
      }
      if (l >= lines || isMarkerLike(l)) {
        break;
      }
      int ind = indent(l);
      if (ind < mapIndent) {
        break;
      }
      if (ind > mapIndent) {
        throw UNSUPPORTED; // a continuation line, or an indentation error
      }
      p = starts[l] + ind;
      if (isDash(l, p)) {
        throw UNSUPPORTED;
      }
    }
    events.collectionEnd(true);
    depth--;
    return l;
  }

  private int sequence(int l, int dashIndent, boolean indentless) {
    enter();
    start(false, false, l, starts[l] + dashIndent);
    while (true) {
      int dash = starts[l] + dashIndent;
      int e = ends[l];
      int q = skipSpaces(dash + 1, e);
      if (q == e || (cs[q] == '#' && q > dash + 1)) {
        int next = nextContent(l + 1);
        if (next < lines && !isMarkerLike(next) && indent(next) > dashIndent) {
          l = blockNode(next, indent(next));
        } else {
          emptyScalar(l, dash + 1);
          l = next;
        }
      } else if (isDash(l, q)) {
        throw UNSUPPORTED; // '- - x'
      } else if (keyEnd(l, q) >= 0) {
        l = mapping(l, q, q - starts[l]);
      } else {
        l = inlineValue(l, q, dashIndent);
      }
      if (l >= lines || isMarkerLike(l)) {
        break;
      }
      int ind = indent(l);
      if (ind < dashIndent) {
        break;
      }
      if (ind > dashIndent) {
        throw UNSUPPORTED;
      }
      if (!isDash(l, starts[l] + ind)) {
        if (indentless) {
          break;
        }
        throw UNSUPPORTED;
      }
    }
    events.collectionEnd(false);
    depth--;
    return l;
  }

  // ---------------------------------------------------------------- keys

  /**
   * Where the ':' of a key starting at {@code p} is, or -1 if the content at {@code p} is not a
   * one-line plain or quoted key followed by ': ' or ':' at the end of the line.
   */
  private int keyEnd(int l, int p) {
    int e = ends[l];
    char c = cs[p];
    int i;
    if (c == '"' || c == '\'') {
      int close = c == '"' ? doubleQuoteEnd(l, p) : singleQuoteEnd(l, p);
      if (close < 0) {
        return -1;
      }
      i = skipSpaces(close + 1, e);
      if (i < e && cs[i] == ':' && (i + 1 == e || cs[i + 1] == ' ')) {
        return i - p > MAX_KEY_LENGTH ? -1 : i;
      }
      return -1;
    }
    if (!plainStart(l, p, false)) {
      return -1;
    }
    for (i = p + 1; i < e; i++) {
      c = cs[i];
      if (c == ':' && (i + 1 == e || cs[i + 1] == ' ')) {
        return i - p > MAX_KEY_LENGTH ? -1 : i;
      }
      if (c == '#' && cs[i - 1] == ' ') {
        return -1;
      }
    }
    return -1;
  }

  private void key(int l, int p, int colon) {
    char c = cs[p];
    if (c == '"') {
      scalar(l, p, doubleQuoted(l, p, doubleQuoteEnd(l, p)), ScalarStyle.DOUBLE_QUOTED);
    } else if (c == '\'') {
      scalar(l, p, singleQuoted(p, singleQuoteEnd(l, p)), ScalarStyle.SINGLE_QUOTED);
    } else {
      int end = colon;
      while (cs[end - 1] == ' ') {
        end--;
      }
      scalar(l, p, YamlReader.shared(cs, p, end, true), ScalarStyle.PLAIN);
    }
  }

  // ---------------------------------------------------------------- values on the key's line

  /**
   * The value at {@code p} on line {@code l} (not empty, not a comment); {@code indent} is the
   * indentation of the enclosing block collection. Returns the next content line.
   */
  private int inlineValue(int l, int p, int indent) {
    int e = ends[l];
    char c = cs[p];
    int end;
    switch (c) {
      case '"' -> {
        int close = doubleQuoteEnd(l, p);
        if (close < 0) {
          return multiLineQuoted(l, p, indent);
        }
        scalar(l, p, doubleQuoted(l, p, close), ScalarStyle.DOUBLE_QUOTED);
        end = close + 1;
      }
      case '\'' -> {
        int close = singleQuoteEnd(l, p);
        if (close < 0) {
          return multiLineQuoted(l, p, indent);
        }
        scalar(l, p, singleQuoted(p, close), ScalarStyle.SINGLE_QUOTED);
        end = close + 1;
      }
      case '[' -> end = flowSequence(l, p);
      case '{' -> end = flowMapping(l, p);
      case '|', '>' -> {
        return blockScalar(l, p, indent);
      }
      default -> {
        if (!plainStart(l, p, false)) {
          throw UNSUPPORTED;
        }
        end = e;
        for (int i = p + 1; i < e; i++) {
          char d = cs[i];
          if (d == ':' && (i + 1 == e || cs[i + 1] == ' ')) {
            throw UNSUPPORTED; // 'a: b: c'
          }
          if (d == '#' && cs[i - 1] == ' ') {
            end = i;
            break;
          }
        }
        int stop = end;
        while (cs[stop - 1] == ' ') {
          stop--;
        }
        if (end < e) {
          scalar(l, p, text(p, stop), ScalarStyle.PLAIN);
          return nextContent(l + 1); // a comment ends the scalar
        }
        StringBuilder folded = null;
        int last = l;
        while (true) {
          int m = last + 1;
          int empty = 0;
          while (m < lines && starts[m] + indent(m) == ends[m]) {
            empty++;
            m++;
          }
          if (m >= lines) {
            break;
          }
          int ind = indent(m);
          int q = starts[m] + ind;
          if (ind <= indent || cs[q] == '#') {
            break; // the next key or item, or a comment
          }
          int r = continuation(m, q);
          if (folded == null) {
            folded = new StringBuilder().append(cs, p, stop - p);
          }
          if (empty == 0) {
            folded.append(' ');
          } else {
            folded.append("\n".repeat(empty));
          }
          folded.append(cs, q, r - q);
          last = m;
        }
        scalar(l, p, folded == null ? text(p, stop) : folded.toString(), ScalarStyle.PLAIN);
        return nextContent(last + 1);
      }
    }
    lineRest(l, end);
    return nextContent(l + 1);
  }

  /**
   * A continuation line of a multi-line plain scalar, its text starting at {@code q}: where its
   * text ends (trailing spaces dropped). A ': ', a comment or a leading indicator refuse.
   */
  private int continuation(int m, int q) {
    int e = ends[m];
    char c = cs[q];
    if ((c == '-' || c == '?' || c == ':') && (q + 1 == e || cs[q + 1] == ' ')) {
      throw UNSUPPORTED;
    }
    for (int i = q; i < e; i++) {
      char d = cs[i];
      if (d == ':' && (i + 1 == e || cs[i + 1] == ' ')) {
        throw UNSUPPORTED;
      }
      if (d == '#' && i > q && cs[i - 1] == ' ') {
        throw UNSUPPORTED;
      }
    }
    int r = e;
    while (cs[r - 1] == ' ') {
      r--;
    }
    return r;
  }

  /** After a quoted scalar or flow collection: only spaces and a comment may follow. */
  private void lineRest(int l, int p) {
    int e = ends[l];
    int q = skipSpaces(p, e);
    if (q < e && !(cs[q] == '#' && q > p)) {
      throw UNSUPPORTED;
    }
  }

  /**
   * Can a plain scalar start at {@code p}? Only characters that cannot be an indicator; a '-' only
   * when followed by a character that cannot end it.
   */
  private boolean plainStart(int l, int p, boolean flow) {
    char c = cs[p];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xA1) {
      return true;
    }
    switch (c) {
      case '_', '.', '/', '(', ')', '$', '~', '+', '=', '^', ';', '<', '\\' -> {
        return true;
      }
      case '-' -> {
        if (p + 1 >= ends[l]) {
          return false;
        }
        char d = cs[p + 1];
        return d != ' '
            && d != '-'
            && !(flow && (d == ',' || d == '[' || d == ']' || d == '{' || d == '}'));
      }
      default -> {
        return false;
      }
    }
  }

  private int flowSequence(int l, int p) {
    enter();
    int e = ends[l];
    start(false, true, l, p);
    int i = skipSpaces(p + 1, e);
    if (i < e && cs[i] == ']') {
      events.collectionEnd(false);
      depth--;
      return i + 1;
    }
    while (true) {
      int k = skipSpaces(flowScalar(l, i, ']', false), e);
      if (k >= e) {
        throw UNSUPPORTED;
      }
      char d = cs[k];
      if (d == ']') {
        events.collectionEnd(false);
        depth--;
        return k + 1;
      }
      if (d != ',') {
        throw UNSUPPORTED;
      }
      i = skipSpaces(k + 1, e);
      if (i < e && (cs[i] == ']' || cs[i] == ',')) {
        throw UNSUPPORTED; // trailing or empty entry
      }
    }
  }

  /** A one-line flow mapping of scalars, each key followed by ': ' and a value. */
  private int flowMapping(int l, int p) {
    enter();
    int e = ends[l];
    start(true, true, l, p);
    int i = skipSpaces(p + 1, e);
    if (i < e && cs[i] == '}') {
      events.collectionEnd(true);
      depth--;
      return i + 1;
    }
    while (true) {
      int k = skipSpaces(flowScalar(l, i, '}', true), e);
      if (k + 1 >= e || cs[k] != ':' || cs[k + 1] != ' ') {
        throw UNSUPPORTED; // a key without ': ' and a value
      }
      int v = skipSpaces(k + 1, e);
      if (v >= e || cs[v] == ',' || cs[v] == '}') {
        throw UNSUPPORTED; // empty value
      }
      k = skipSpaces(flowScalar(l, v, '}', false), e);
      if (k >= e) {
        throw UNSUPPORTED;
      }
      char d = cs[k];
      if (d == '}') {
        events.collectionEnd(true);
        depth--;
        return k + 1;
      }
      if (d != ',') {
        throw UNSUPPORTED;
      }
      i = skipSpaces(k + 1, e);
      if (i < e && (cs[i] == '}' || cs[i] == ',')) {
        throw UNSUPPORTED; // trailing or empty entry
      }
    }
  }

  /**
   * A plain or quoted scalar inside a one-line flow collection closed by {@code close}; returns
   * where it ends. A plain key ends at ': '; any other ':' and any '#', '?' or bracket refuse.
   */
  private int flowScalar(int l, int i, char close, boolean key) {
    int e = ends[l];
    if (i >= e) {
      throw UNSUPPORTED; // continues on the next line
    }
    char c = cs[i];
    if (c == '"') {
      int q = doubleQuoteEnd(l, i);
      if (q < 0) {
        throw UNSUPPORTED;
      }
      scalar(l, i, doubleQuoted(l, i, q), ScalarStyle.DOUBLE_QUOTED);
      return q + 1;
    }
    if (c == '\'') {
      int q = singleQuoteEnd(l, i);
      if (q < 0) {
        throw UNSUPPORTED;
      }
      scalar(l, i, singleQuoted(i, q), ScalarStyle.SINGLE_QUOTED);
      return q + 1;
    }
    if (!plainStart(l, i, true)) {
      throw UNSUPPORTED;
    }
    int j = i + 1;
    while (j < e) {
      char d = cs[j];
      if (d == ',' || d == close) {
        break;
      }
      if (d == ':') {
        if (key && j + 1 < e && cs[j + 1] == ' ') {
          break;
        }
        throw UNSUPPORTED;
      }
      if (d == '[' || d == ']' || d == '{' || d == '}' || d == '#' || d == '?') {
        throw UNSUPPORTED;
      }
      j++;
    }
    int stop = j;
    while (cs[stop - 1] == ' ') {
      stop--;
    }
    scalar(l, i, text(i, stop), ScalarStyle.PLAIN);
    return j;
  }

  // ---------------------------------------------------------------- quoted scalars

  /** The closing quote of a single-quoted scalar on this line, or -1. */
  private int singleQuoteEnd(int l, int p) {
    return singleQuoteEndFrom(l, p + 1);
  }

  private int singleQuoteEndFrom(int l, int from) {
    int e = ends[l];
    for (int i = from; i < e; i++) {
      if (cs[i] == '\'') {
        if (i + 1 < e && cs[i + 1] == '\'') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private String singleQuoted(int p, int close) {
    String body = text(p + 1, close);
    return body.indexOf('\'') < 0 ? body : body.replace("''", "'");
  }

  /** The closing quote of a double-quoted scalar on this line, or -1; odd escapes are refused. */
  private int doubleQuoteEnd(int l, int p) {
    return doubleQuoteEndFrom(l, p + 1);
  }

  private int doubleQuoteEndFrom(int l, int from) {
    int e = ends[l];
    for (int i = from; i < e; i++) {
      char c = cs[i];
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        if (i + 1 >= e) {
          throw UNSUPPORTED; // an escaped line break
        }
        char d = cs[i + 1];
        if (d != '\\' && d != '"' && d != '/' && d != 'n' && d != 't' && d != 'r' && d != '0') {
          throw UNSUPPORTED;
        }
        i++;
      }
    }
    return -1;
  }

  private String doubleQuoted(int l, int p, int close) {
    return unescape(p + 1, close);
  }

  /** The text of a double-quoted scalar between {@code from} and {@code close}, unescaped. */
  private String unescape(int from, int close) {
    int p = from - 1;
    int slash = p + 1;
    while (slash < close && cs[slash] != '\\') {
      slash++;
    }
    if (slash == close) {
      return text(p + 1, close);
    }
    StringBuilder out = new StringBuilder(close - p);
    for (int i = p + 1; i < close; i++) {
      char c = cs[i];
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char d = cs[++i];
      out.append(
          switch (d) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            default -> d; // \\ \" \/
          });
    }
    return out.toString();
  }

  /**
   * A single- or double-quoted value at {@code p} that does not close on its line; continuation
   * lines must be indented deeper than {@code indent}. Returns the next content line.
   */
  private int multiLineQuoted(int l, int p, int indent) {
    boolean dq = cs[p] == '"';
    StringBuilder out = new StringBuilder();
    out.append(segment(p + 1, trimEnd(p + 1, ends[l]), dq));
    int line = l;
    while (true) {
      int m = line + 1;
      int empty = 0;
      while (m < lines && starts[m] + indent(m) == ends[m]) {
        empty++;
        m++;
      }
      if (m >= lines) {
        throw UNSUPPORTED; // not closed
      }
      int ind = indent(m);
      int q = starts[m] + ind;
      if (ind <= indent || cs[q] == '#') {
        throw UNSUPPORTED;
      }
      if (empty == 0) {
        out.append(' ');
      } else {
        out.append("\n".repeat(empty));
      }
      int close = dq ? doubleQuoteEndFrom(m, q) : singleQuoteEndFrom(m, q);
      if (close >= 0) {
        out.append(segment(q, close, dq));
        scalar(l, p, out.toString(), dq ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED);
        lineRest(m, close + 1);
        return nextContent(m + 1);
      }
      out.append(segment(q, trimEnd(q, ends[m]), dq));
      line = m;
    }
  }

  private int trimEnd(int from, int to) {
    while (to > from && cs[to - 1] == ' ') {
      to--;
    }
    return to;
  }

  /** One line's part of a quoted scalar, with its escapes resolved. */
  private String segment(int from, int to, boolean dq) {
    if (dq) {
      return unescape(from, to);
    }
    String body = text(from, to);
    return body.indexOf('\'') < 0 ? body : body.replace("''", "'");
  }

  // ---------------------------------------------------------------- block scalars

  /**
   * A literal or folded block scalar whose header is at {@code p}; {@code indent} is the
   * indentation of the enclosing block collection. Returns the next content line.
   */
  private int blockScalar(int l, int p, int indent) {
    boolean folded = cs[p] == '>';
    int e = ends[l];
    int h = p + 1;
    boolean strip = false;
    if (h < e && cs[h] == '-') {
      strip = true;
      h++;
    }
    int q = skipSpaces(h, e);
    if (q < e && !(cs[q] == '#' && q > h)) {
      throw UNSUPPORTED; // indentation indicator, '+', or text after the header
    }
    int first = l + 1;
    if (first >= lines) {
      throw UNSUPPORTED;
    }
    int ind = indent(first);
    if (ind <= indent || starts[first] + ind == ends[first]) {
      throw UNSUPPORTED; // empty scalar or leading blank lines
    }
    StringBuilder out = new StringBuilder();
    int line = first;
    boolean lastHasBreak;
    while (true) {
      out.append(cs, starts[line] + ind, ends[line] - starts[line] - ind);
      lastHasBreak = line + 1 < lines;
      int next = line + 1;
      int empty = 0;
      while (next < lines) {
        int a = starts[next];
        int spaces = indent(next);
        if (a + spaces != ends[next]) {
          break; // has content
        }
        if (spaces > ind) {
          if (folded) {
            throw UNSUPPORTED; // a line of spaces only, longer than the indentation
          }
          break; // literal: its spaces beyond the indentation are content
        }
        empty++;
        next++;
      }
      if (next >= lines || indent(next) < ind) {
        line = next;
        break;
      }
      if (folded && indent(next) > ind) {
        throw UNSUPPORTED; // more-indented lines are not folded
      }
      if (folded) {
        if (empty == 0) {
          out.append(' ');
        } else {
          out.append("\n".repeat(empty));
        }
      } else {
        out.append("\n".repeat(empty + 1));
      }
      line = next;
    }
    if (!strip) {
      if (!lastHasBreak) {
        throw UNSUPPORTED;
      }
      out.append('\n');
    }
    scalar(l, p, out.toString(), folded ? ScalarStyle.FOLDED : ScalarStyle.LITERAL);
    return nextContent(line);
  }

  // ---------------------------------------------------------------- events

  /**
   * The text {@code cs[from, to)}: short ones shared across files (see {@link YamlReader#shared}).
   */
  private String text(int from, int to) {
    return YamlReader.shared(cs, from, to);
  }

  private void scalar(int l, int p, String value, ScalarStyle style) {
    events.scalar(value, style, l, p, column(l, p));
  }

  private void emptyScalar(int l, int p) {
    scalar(l, p, "", ScalarStyle.PLAIN);
  }
}
