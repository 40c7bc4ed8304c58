package io.waymark.engine.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads untrusted YAML into {@link YamlNode} trees without constructing any object the document
 * names. It works on the parser's event stream with an explicit stack, so nesting depth, alias
 * count, alias expansion, duplicate and recursive keys are all checked here and none of them can
 * overflow the Java stack.
 */
public final class YamlReader {

  /** What one file yielded: the documents read before any problem, and the problem if any. */
  public record Result(List<YamlDocument> documents, Optional<YamlProblem> problem) {}

  /** Parser settings; positions are translated from marks, so no per-file label is needed. */
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setUseMarks(true)
          .setCodePointLimit(Integer.MAX_VALUE)
          .setParseComments(false)
          .build();

  /**
   * Turns the block-YAML fast path off for the whole run when set to {@code false}: the system
   * property {@value #FAST_PATH_PROPERTY} or, if that is unset, the environment variable {@value
   * #FAST_PATH_ENV}. Every file is then read by SnakeYAML alone (same results, slower on large
   * repositories); the switch exists to rule the fast path out when a reading looks wrong.
   */
  public static final String FAST_PATH_PROPERTY = "waymark.yaml.fastPath";

  /** The environment variable behind {@link #FAST_PATH_PROPERTY}. */
  public static final String FAST_PATH_ENV = "WAYMARK_YAML_FAST_PATH";

  /**
   * Short scalar texts seen lately, one copy each (keys, enum values, categories, owners, labels
   * recur in every document: a large repository keeps one string for each, not one per occurrence).
   * A small table without locks, shared by every thread: each text has two places (by its hash),
   * the one seen last first; a text that recurs stays, one that does not (an id, a date) is soon
   * pushed out by others. Small enough to stay in the processor's cache, which a map of every text
   * seen was not (its look-ups were several per cent of a large run's time). Threads may overwrite
   * each other's places: a text is then simply not shared that time.
   */
  private static final String[] SHARED_TEXTS = new String[1 << 13];

  /** Longer texts (titles, descriptions) rarely recur and are not shared. */
  private static final int MAX_SHARED_LENGTH = 40;

  private final YamlLimits limits;
  private final Function<char[], List<Event>> fastParser;

  /**
   * True when the fast parser is {@link BlockYamlParser}'s own: it then tells the tree builder what
   * it reads without making SnakeYAML's events (a given parser, in tests, hands over events).
   */
  private final boolean direct;

  public YamlReader(YamlLimits limits) {
    this(
        limits,
        fastPathEnabled(System.getProperty(FAST_PATH_PROPERTY), System.getenv(FAST_PATH_ENV)));
  }

  /**
   * {@code fastPath == false} reads every file with SnakeYAML only; the differential tests compare
   * both ways of reading.
   */
  YamlReader(YamlLimits limits, boolean fastPath) {
    this(limits, fastPath ? BlockYamlParser::parse : null, fastPath);
  }

  /**
   * {@code fastParser} gives the events of a text, or {@code null} for anything outside its subset;
   * {@code null} itself means SnakeYAML only.
   */
  YamlReader(YamlLimits limits, Function<char[], List<Event>> fastParser) {
    this(limits, fastParser, false);
  }

  private YamlReader(YamlLimits limits, Function<char[], List<Event>> fastParser, boolean direct) {
    this.limits = limits;
    this.fastParser = fastParser;
    this.direct = direct;
  }

  /** Whether this reader tries the fast path first. */
  boolean fastPathOn() {
    return fastParser != null;
  }

  /** Whether the fast path is on, from the property's value or else the variable's. */
  static boolean fastPathEnabled(String property, String environment) {
    String value = property != null ? property : environment;
    return value == null || !value.strip().equalsIgnoreCase("false");
  }

  public Result read(String label, byte[] bytes) {
    List<YamlDocument> documents = new ArrayList<>();
    if (bytes.length > limits.fileBytes()) {
      return new Result(
          documents,
          Optional.of(
              new YamlProblem(
                  "file has "
                      + bytes.length
                      + " bytes, more than the limit of "
                      + limits.fileBytes(),
                  1,
                  1,
                  "Split the file, or raise Config spec.limits.fileBytes.")));
    }
    Optional<YamlProblem> pointer = gitLfsPointer(bytes);
    if (pointer.isPresent()) {
      return new Result(documents, pointer);
    }
    char[] chars;
    try {
      chars = decodeChars(bytes);
    } catch (YamlProblem p) {
      return new Result(documents, Optional.of(p));
    }
    if (fastParser != null) {
      // Strict UTF-8 makes fewer characters than bytes of every other character (and of a byte
      // order mark): as many means every one is ASCII.
      Optional<Result> fast = readFast(chars, chars.length == bytes.length);
      if (fast.isPresent()) {
        return fast.get();
      }
    }
    String text = new String(chars);
    try {
      new Builder(documents).run(new Parse(SETTINGS).parseString(text));
      return new Result(documents, Optional.empty());
    } catch (YamlProblem p) {
      return new Result(documents, Optional.of(p));
    } catch (MarkedYamlEngineException e) {
      return new Result(documents, Optional.of(translate(e)));
    } catch (YamlEngineException e) {
      return new Result(
          documents,
          Optional.of(
              nonPrintable(text)
                  .orElseGet(
                      () ->
                          new YamlProblem(oneLine(e.getMessage()), 1, 1, "Fix the YAML syntax."))));
    } catch (RuntimeException e) {
      // The parser itself failed on malformed input (e.g. a truncated unicode escape at the end of
      // a file): untrusted
      // input must yield a finding for its file, never an exception that stops the run.
      return new Result(
          documents,
          Optional.of(
              new YamlProblem(
                  "YAML syntax: the parser could not read this file ("
                      + e.getClass().getSimpleName()
                      + ")",
                  1,
                  1,
                  "Check escapes in double-quoted strings and the end of the file.")));
    }
  }

  /**
   * The block subset roadmaps use, read without SnakeYAML's scanner: same events, same builder.
   * Empty for anything outside the subset (including every syntax error) and for any failure of the
   * fast path itself: an optimisation must never be the reason a run stops, so SnakeYAML then reads
   * the file from the start and has the last word.
   */
  private Optional<Result> readFast(char[] chars, boolean ascii) {
    List<YamlDocument> documents = new ArrayList<>();
    if (direct) {
      try {
        Builder builder = new Builder(documents);
        builder.ascii = ascii;
        if (!BlockYamlParser.parse(chars, builder)) {
          return Optional.empty();
        }
        return Optional.of(new Result(documents, Optional.ofNullable(builder.problem)));
      } catch (RuntimeException | StackOverflowError e) {
        return Optional.empty();
      }
    }
    try {
      List<Event> events = fastParser.apply(chars);
      if (events == null) {
        return Optional.empty();
      }
      new Builder(documents).run(events);
      return Optional.of(new Result(documents, Optional.empty()));
    } catch (YamlProblem p) {
      return Optional.of(new Result(documents, Optional.of(p)));
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** Strict UTF-8: a malformed byte sequence is reported at its line and column. */
  static String decode(byte[] bytes) throws YamlProblem {
    return new String(decodeChars(bytes));
  }

  /** The characters of strict UTF-8 bytes, without a leading byte order mark. */
  private static char[] decodeChars(byte[] bytes) throws YamlProblem {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // Strict UTF-8 never makes more characters than bytes: an all-ASCII text fills the array
    // exactly, which is then the result itself (no copy of every file's characters).
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column;
      try {
        column =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes, lineStart, offset - lineStart))
                    .length()
                + 1;
      } catch (CharacterCodingException e) {
        column = offset - lineStart + 1;
      }
      if (offset == 0 && utf16ByteOrderMark(bytes)) {
        throw new YamlProblem(
            String.format(
                "the file is UTF-16, not UTF-8: it starts with UTF-16's byte order mark (%02X %02X)",
                bytes[0] & 0xFF, bytes[1] & 0xFF),
            1,
            1,
            "Save the file as UTF-8. Windows PowerShell's '>' and Out-File write UTF-16: use"
                + " Set-Content -Encoding utf8 or Out-File -Encoding utf8.");
      }
      return throwInvalid(bytes[offset], line, column);
    }
    decoder.flush(out);
    int from = out.position() > 0 && out.get(0) == '\uFEFF' ? 1 : 0;
    if (from == 0 && out.position() == out.capacity()) {
      return out.array();
    }
    return Arrays.copyOfRange(out.array(), from, out.position());
  }

  /** The first line of a Git LFS pointer file (its specification's, and the pre-1.0 one). */
  private static final List<String> LFS_POINTER_VERSIONS =
      List.of(
          "version https://git-lfs.github.com/spec/v1\n",
          "version https://hawser.github.com/spec/v1\n");

  private static final java.util.regex.Pattern LFS_POINTER_SIZE =
      java.util.regex.Pattern.compile("(?m)^size (\\d+)$");

  /**
   * A Git LFS pointer (a small text file that stands for content kept elsewhere) where YAML was
   * expected: a file tracked by Git LFS whose content was not checked out, as in a CI checkout
   * without LFS. Read as YAML it would be one plain string, a document silently ignored.
   */
  private static Optional<YamlProblem> gitLfsPointer(byte[] bytes) {
    // A pointer has at most 1024 bytes and starts with "version ": every other file is let go
    // after a length and a byte comparison.
    if (bytes.length > 1024 || bytes.length < 8 || bytes[0] != 'v' || bytes[7] != ' ') {
      return Optional.empty();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (LFS_POINTER_VERSIONS.stream().noneMatch(text::startsWith)) {
      return Optional.empty();
    }
    java.util.regex.Matcher size = LFS_POINTER_SIZE.matcher(text);
    return Optional.of(
        new YamlProblem(
            "the file is a Git LFS pointer, not YAML: its content"
                + (size.find() ? " (" + size.group(1) + " bytes)" : "")
                + " is tracked by Git LFS and was not checked out",
            1,
            1,
            "Fetch the content with `git lfs pull` (in GitHub Actions: `lfs: true` on"
                + " actions/checkout); better, stop tracking the roadmap's YAML files with Git LFS"
                + " (remove them from .gitattributes and run `git add --renormalize .`): Waymark"
                + " reads their history from Git, where LFS keeps only pointers."));
  }

  /** True when {@code bytes} start as a UTF-16 file with a byte order mark does (FF FE, FE FF). */
  private static boolean utf16ByteOrderMark(byte[] bytes) {
    return bytes.length >= 2
        && (((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)
            || ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF));
  }

  private static char[] throwInvalid(byte b, int line, int column) throws YamlProblem {
    throw new YamlProblem(
        String.format("invalid UTF-8: byte 0x%02X cannot start or continue a character", b & 0xFF),
        line,
        column,
        "Save the file as UTF-8.");
  }

  private static YamlProblem translate(MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    int line = mark.map(m -> m.getLine() + 1).orElse(1);
    int column = mark.map(m -> m.getColumn() + 1).orElse(1);
    String problem = e.getProblem() == null ? oneLine(e.getMessage()) : e.getProblem();
    if (problem.contains("'\\t'") || problem.contains("\\t(TAB)") || problem.contains("\t")) {
      return new YamlProblem(
          "tab character where YAML expects indentation or a value",
          line,
          column,
          "YAML indents with spaces: replace the tab with spaces.");
    }
    Optional<Mark> start = e.getContextMark();
    if (start.isPresent() && e.getContext() != null) {
      int startLine = start.get().getLine() + 1;
      int startColumn = start.get().getColumn() + 1;
      // Where the reader gave up is the end of the file or the next line: the mistake is where
      // the quoted value or the key began.
      if (e.getContext().contains("quoted scalar") && problem.contains("end of stream")) {
        return new YamlProblem(
            "the quote that opens this value is never closed (the file ends inside it)",
            startLine,
            startColumn,
            "Close the quote at the end of the value, or remove it (a value needs no quotes"
                + " unless it starts with a special character or holds ': ' or ' #').");
      }
      if (e.getContext().contains("simple key") && problem.contains("expected ':'")) {
        return new YamlProblem(
            "no ':' after the key on this line",
            startLine,
            startColumn,
            "Write 'key: value', with ':' and a space after the key; a text that goes on from"
                + " the line before is indented further than its key.");
      }
    }
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return new YamlProblem(
        "YAML syntax: " + context + problem,
        line,
        column,
        "Check indentation, quotes and the ':' after each key near this position.");
  }

  /**
   * The first character YAML does not allow in a stream (outside its printable set: a NUL, an
   * escape or another control character), named with its line and column: SnakeYAML says only
   * "special characters are not allowed", without a position.
   */
  static Optional<YamlProblem> nonPrintable(String text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      } else if (!printable(c)) {
        boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        return Optional.of(
            new YamlProblem(
                String.format(
                    "%s U+%04X%s: a YAML file holds only printable characters",
                    control ? "control character" : "non-printable character",
                    c,
                    c == 0 ? " (NUL)" : c == 0x1B ? " (ESC)" : ""),
                line,
                i - lineStart + 1,
                "Remove the character (a NUL often means a binary or truncated file); inside"
                    + " double quotes a text can write it as an escape such as \\0 or \\e."));
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  /** YAML 1.2's c-printable set. */
  private static boolean printable(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0x7E)
        || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable YAML" : s.lines().findFirst().orElse(s).trim();
  }

  /** One copy of a short scalar text shared by every file read (see {@link #SHARED_TEXTS}). */
  static String shared(String text) {
    if (text.length() > MAX_SHARED_LENGTH) {
      return text;
    }
    int hash = text.hashCode();
    int i = slot(hash);
    String first = SHARED_TEXTS[i];
    if (first != null && first.hashCode() == hash && first.equals(text)) {
      return first;
    }
    String second = SHARED_TEXTS[i + 1];
    if (second != null && second.hashCode() == hash && second.equals(text)) {
      return second;
    }
    return keep(i, first, text);
  }

  /** The first of the two places of a text of this hash in {@link #SHARED_TEXTS}. */
  private static int slot(int hash) {
    return ((hash ^ (hash >>> 16)) & (SHARED_TEXTS.length - 1)) & ~1;
  }

  /**
   * Keeps {@code text} in the first of the places from {@code i}, {@code first} (what was there)
   * moved to the second: the text seen last comes first. Returns {@code text}.
   */
  private static String keep(int i, String first, String text) {
    SHARED_TEXTS[i + 1] = first;
    SHARED_TEXTS[i] = text;
    return text;
  }

  /**
   * As {@link #shared(String)}, of the characters {@code chars[from, to)} of a text being read: a
   * text already in the table is found without making a string of it first (most keys and values of
   * a roadmap recur, and each such string was made, hashed, compared and dropped).
   */
  static String shared(char[] chars, int from, int to) {
    return shared(chars, from, to, false);
  }

  /**
   * As {@link #shared(char[], int, int)}; with {@code canonical} (a mapping key), a text not in the
   * table is taken as the JVM's own copy ({@link String#intern()}): the same object as the literal
   * {@code "metadata"} of the model's code and the property names of the compiled schemas, so that
   * their look-ups of the key (a hash map's, an equals) match it by reference, without comparing
   * the characters. Keys recur, so the table finds about all of them and interning is rare.
   */
  static String shared(char[] chars, int from, int to, boolean canonical) {
    int length = to - from;
    if (length > MAX_SHARED_LENGTH) {
      return new String(chars, from, length);
    }
    int hash = 0;
    for (int k = from; k < to; k++) {
      hash = 31 * hash + chars[k]; // String.hashCode, of the characters
    }
    int i = slot(hash);
    String first = SHARED_TEXTS[i];
    if (first != null && first.hashCode() == hash && same(first, chars, from, length)) {
      return first;
    }
    String second = SHARED_TEXTS[i + 1];
    if (second != null && second.hashCode() == hash && same(second, chars, from, length)) {
      return second;
    }
    String text = new String(chars, from, length);
    if (canonical) {
      text = text.intern();
    }
    return keep(i, first, text);
  }

  /** True when {@code text} is the {@code length} characters of {@code chars} from {@code from}. */
  private static boolean same(String text, char[] chars, int from, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (text.charAt(k) != chars[from + k]) {
        return false;
      }
    }
    return true;
  }

  private static int line(Event e) {
    Mark m = e.getStartMark().orElse(null);
    return m == null ? 1 : m.getLine() + 1;
  }

  private static int column(Event e) {
    Mark m = e.getStartMark().orElse(null);
    return m == null ? 1 : m.getColumn() + 1;
  }

  /**
   * Builds the node trees of one stream, from SnakeYAML's events or straight from the fast parser
   * ({@link BlockYamlParser.Sink}): the same checks either way.
   */
  private final class Builder implements BlockYamlParser.Sink {

    private final List<YamlDocument> documents;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private int aliases;
    private long expanded;

    /** Per file, not per document: the limit bounds what one file makes every later stage do. */
    private long expandedBytes;

    private YamlNode root;

    /**
     * The first problem found while the fast parser tells what it reads: the build stops there, as
     * it stops at the event, and the parser goes on only to tell whether the text is in its subset.
     */
    private YamlProblem problem;

    /**
     * True when the fast parser reads an all-ASCII text: a scalar it gives that no escape made (any
     * but a double-quoted one) then has as many UTF-8 bytes as characters, with no need to count.
     */
    private boolean ascii;

    Builder(List<YamlDocument> documents) {
      this.documents = documents;
    }

    void run(Iterable<Event> events) throws YamlProblem {
      for (Event event : events) {
        switch (event.getEventId()) {
          case DocumentStart -> documentStarted();
          case DocumentEnd -> documentEnded();
          case MappingStart, SequenceStart -> start((CollectionStartEvent) event);
          case MappingEnd, SequenceEnd -> end();
          case Scalar -> {
            Mark m = event.getStartMark().orElse(null);
            int line = m == null ? 1 : m.getLine() + 1;
            int column = m == null ? 1 : m.getColumn() + 1;
            add(scalar((ScalarEvent) event, line, column), anchor(event), line, column);
          }
          case Alias -> alias((AliasEvent) event);
          default -> {
            // StreamStart, StreamEnd, Comment: nothing to build
          }
        }
      }
    }

    // The fast parser's calls: positions 0-based, no anchors, aliases or tags.

    @Override
    public void documentStart() {
      if (problem == null) {
        documentStarted();
      }
    }

    @Override
    public void documentEnd() {
      if (problem == null) {
        documentEnded();
      }
    }

    @Override
    public void collectionStart(boolean mapping, boolean flow, int line, int index, int column) {
      if (problem == null) {
        try {
          open(mapping, null, line + 1, column + 1);
        } catch (YamlProblem p) {
          problem = p;
        }
      }
    }

    @Override
    public void collectionEnd(boolean mapping) {
      if (problem == null) {
        try {
          end();
        } catch (YamlProblem p) {
          problem = p;
        }
      }
    }

    @Override
    public void scalar(String value, ScalarStyle style, int line, int index, int column) {
      if (problem == null) {
        try {
          YamlScalar scalar =
              plainOrQuoted(value, style == ScalarStyle.PLAIN, line + 1, column + 1);
          long bytes =
              ascii && style != ScalarStyle.DOUBLE_QUOTED ? value.length() : scalar.bytes();
          add(scalar, null, line + 1, column + 1, bytes);
        } catch (YamlProblem p) {
          problem = p;
        }
      }
    }

    private void documentStarted() {
      anchors.clear();
      openAnchors.clear();
      aliases = 0;
      expanded = 0;
      root = null;
    }

    private void documentEnded() {
      if (root != null) {
        documents.add(new YamlDocument(documents.size(), root));
      }
    }

    private static String anchor(Event event) {
      Optional<Anchor> anchor = ((NodeEvent) event).getAnchor();
      return anchor.isPresent() ? anchor.get().getValue() : null;
    }

    private YamlScalar scalar(ScalarEvent e, int line, int column) throws YamlProblem {
      Optional<String> tag = e.getTag();
      if (tag.isPresent() && !e.getImplicit().canOmitTagInPlainScalar()) {
        return ScalarResolver.tagged(tag.get(), e.getValue(), line, column);
      }
      if (tag.isPresent()
          && !tag.get().equals("!")
          && !tag.get().startsWith("tag:yaml.org,2002:")) {
        throw ScalarResolver.unsafeTag(tag.get(), line, column);
      }
      return plainOrQuoted(e.getValue(), e.isPlain(), line, column);
    }

    /** An untagged scalar: a plain one resolved (number, boolean, null...), a quoted one text. */
    private YamlScalar plainOrQuoted(String value, boolean plain, int line, int column)
        throws YamlProblem {
      String text = shared(value);
      if (plain) {
        return ScalarResolver.plain(text, line, column);
      }
      return new YamlScalar(text, text, false, line, column);
    }

    private void start(CollectionStartEvent e) throws YamlProblem {
      Optional<String> tag = e.getTag();
      if (tag.isPresent()
          && !tag.get().equals("tag:yaml.org,2002:map")
          && !tag.get().equals("tag:yaml.org,2002:seq")) {
        throw ScalarResolver.unsafeTag(tag.get(), line(e), column(e));
      }
      open(e.getEventId() == Event.ID.MappingStart, anchor(e), line(e), column(e));
    }

    private void open(boolean mapping, String anchor, int line, int column) throws YamlProblem {
      if (stack.size() >= limits.depth()) {
        throw new YamlProblem(
            "nesting deeper than " + limits.depth() + " levels",
            line,
            column,
            "Flatten the structure, or raise Config spec.limits.depth.");
      }
      Frame frame = new Frame(mapping, anchor, line, column);
      if (anchor != null) {
        openAnchors.add(anchor);
      }
      stack.push(frame);
    }

    private void end() throws YamlProblem {
      Frame frame = stack.pop();
      YamlNode node =
          frame.mapping
              ? new YamlMap(frame.entries, frame.line, frame.column, frame.weight, frame.bytes)
              : new YamlSeq(frame.items, frame.line, frame.column, frame.weight, frame.bytes);
      if (frame.anchor != null) {
        openAnchors.remove(frame.anchor);
      }
      add(node, frame.anchor, frame.line, frame.column);
    }

    private void alias(AliasEvent e) throws YamlProblem {
      String name = e.getAlias().getValue();
      if (openAnchors.contains(name)) {
        throw new YamlProblem(
            "recursive alias *" + name + " refers to a node that contains it",
            line(e),
            column(e),
            "Remove the alias; recursive structures are not allowed.");
      }
      YamlNode target = anchors.get(name);
      if (target == null) {
        throw new YamlProblem(
            "alias *" + name + " refers to no anchor &" + name,
            line(e),
            column(e),
            "Define the anchor before using it.");
      }
      if (!(target instanceof YamlScalar) && ++aliases > limits.aliases()) {
        throw new YamlProblem(
            "more than " + limits.aliases() + " aliases to collections in one document",
            line(e),
            column(e),
            "Write the values out, or raise Config spec.limits.aliases.");
      }
      place(target, target.weight(), target.bytes(), line(e), column(e));
    }

    /** Places a node that starts at {@code line} and {@code column}, under its anchor if any. */
    private void add(YamlNode node, String anchor, int line, int column) throws YamlProblem {
      add(node, anchor, line, column, node instanceof YamlScalar s ? s.bytes() : 0);
    }

    /** As above, with the UTF-8 bytes of a scalar's text already known ({@code 0} else). */
    private void add(YamlNode node, String anchor, int line, int column, long bytes)
        throws YamlProblem {
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      // Children were counted when they were placed: the node itself adds one, and a scalar its
      // text.
      place(node, 1, bytes, line, column);
    }

    private void place(YamlNode node, long weight, long bytes, int line, int column)
        throws YamlProblem {
      expanded += weight;
      expandedBytes += bytes;
      if (expandedBytes > limits.expandedBytes()) {
        throw new YamlProblem(
            "file expands to more than "
                + limits.expandedBytes()
                + " bytes of text through aliases and repeated values",
            line,
            column,
            "Write the repeated text once instead of through aliases, or raise Config"
                + " spec.limits.expandedBytes.");
      }
      if (expanded > limits.expandedNodes()) {
        throw new YamlProblem(
            "document expands to more than " + limits.expandedNodes() + " nodes through aliases",
            line,
            column,
            "Remove the aliases that multiply the content (a 'billion laughs' pattern).");
      }
      Frame parent = stack.peek();
      if (parent != null) {
        // What YamlMap and YamlSeq would sum over their children, counted as they come: a
        // scalar's bytes are those just measured, a collection's were counted when it ended.
        parent.weight += node.weight();
        parent.bytes += node instanceof YamlScalar ? bytes : node.bytes();
      }
      if (parent == null) {
        root = node;
      } else if (!parent.mapping) {
        parent.items.add(node);
      } else if (parent.pendingKey == null) {
        if (!(node instanceof YamlScalar)) {
          throw new YamlProblem(
              "a mapping key must be a plain value, not a list or mapping",
              line,
              column,
              "Use a string key.");
        }
        YamlScalar key = (YamlScalar) node;
        String name = key.text();
        YamlMap.Entry first = parent.entries.get(name);
        if (first != null) {
          throw new YamlProblem(
              "duplicate key '" + name + "' (first defined at line " + first.line() + ")",
              line,
              column,
              "Remove one of the two '"
                  + name
                  + "' keys (lines "
                  + first.line()
                  + " and "
                  + line
                  + ").");
        }
        parent.pendingKey = key;
      } else {
        YamlScalar key = parent.pendingKey;
        parent.entries.put(
            key.text(), new YamlMap.Entry(key.text(), key.line(), key.column(), node));
        parent.pendingKey = null;
      }
    }
  }

  private static final class Frame {
    final boolean mapping;
    final int line;
    final int column;

    /** The collection's anchor, or {@code null}. */
    final String anchor;

    /** A mapping's entries so far (null for a sequence). */
    final LinkedHashMap<String, YamlMap.Entry> entries;

    /** A sequence's items so far (null for a mapping). */
    final List<YamlNode> items;

    YamlScalar pendingKey;

    /** The node's weight (1, and each child's) and bytes (each child's) so far. */
    long weight = 1;

    long bytes;

    Frame(boolean mapping, String anchor, int line, int column) {
      this.mapping = mapping;
      this.entries = mapping ? new LinkedHashMap<>() : null;
      this.items = mapping ? null : new ArrayList<>();
      this.anchor = anchor;
      this.line = line;
      this.column = column;
    }
  }
}
