package io.waymark.engine.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Where each scalar and mapping of a YAML text is written, as character offsets into that text:
 * what a text edit needs to replace one scalar token (and nothing around it) or to add a key to a
 * block mapping. Nodes are found by the 1-based line and column that {@link YamlNode} and every
 * finding carry, so a caller goes from a finding to the exact characters it points at.
 *
 * <p>It reads the event stream only (nothing is constructed, no alias is expanded); the texts it is
 * given were read by {@link YamlReader} first, with every limit enforced there.
 */
public final class YamlSpans {

  /** How a scalar is written. */
  public enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED
  }

  /**
   * One scalar token: {@code start} (inclusive) and {@code end} (exclusive) are character offsets
   * of the token as written, quotes included; {@code value} is the scalar's value; {@code anchor}
   * the name of its anchor ({@code &name}), if it has one.
   */
  public record Scalar(
      int line,
      int column,
      int start,
      int end,
      Style style,
      String value,
      Optional<String> anchor) {}

  /**
   * One entry of a mapping: its key, and the end offset (exclusive) of its value as written (for a
   * nested block collection, the end of its last node).
   */
  public record Entry(Scalar key, int valueEnd) {}

  /** One mapping: where it starts, whether it is written in flow style, its entries in order. */
  public record Mapping(int line, int column, boolean flow, List<Entry> entries) {

    /** The entry of {@code key}, if the mapping has one. */
    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
    }
  }

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setUseMarks(true)
          .setCodePointLimit(Integer.MAX_VALUE)
          .setParseComments(false)
          .build();

  private final Map<Long, Scalar> scalars = new HashMap<>();
  private final Map<Long, Mapping> mappings = new HashMap<>();
  private final Set<String> aliases = new HashSet<>();

  private YamlSpans() {}

  /**
   * The spans of {@code text} (a leading byte order mark is allowed and counted in the offsets).
   *
   * @throws IllegalArgumentException when the text is not YAML the parser can read
   */
  public static YamlSpans of(String text) {
    int bom = text.startsWith("\uFEFF") ? 1 : 0;
    String body = text.substring(bom);
    YamlSpans spans = new YamlSpans();
    Offsets offsets = new Offsets(text, bom);
    try {
      spans.read(new Parse(SETTINGS).parseString(body), offsets);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException("unreadable YAML: " + e.getMessage(), e);
    }
    return spans;
  }

  /** The scalar written at 1-based {@code line} and {@code column}, if one starts there. */
  public Optional<Scalar> scalarAt(int line, int column) {
    return Optional.ofNullable(scalars.get(key(line, column)));
  }

  /** The mapping that starts at 1-based {@code line} and {@code column}, if one starts there. */
  public Optional<Mapping> mappingAt(int line, int column) {
    return Optional.ofNullable(mappings.get(key(line, column)));
  }

  /**
   * Whether an alias ({@code *name}) of the text names the scalar's anchor: its value is then
   * shared, and replacing it changes every node that alias stands for.
   */
  public boolean aliased(Scalar scalar) {
    return scalar.anchor().map(aliases::contains).orElse(false);
  }

  /** Every scalar of the text (keys included), in text order. */
  public List<Scalar> scalars() {
    return scalars.values().stream()
        .sorted(java.util.Comparator.comparingInt(Scalar::start))
        .toList();
  }

  private static long key(int line, int column) {
    return ((long) line << 32) | (column & 0xFFFFFFFFL);
  }

  private void read(Iterable<Event> events, Offsets offsets) {
    Deque<Open> stack = new ArrayDeque<>();
    for (Event event : events) {
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          CollectionStartEvent e = (CollectionStartEvent) event;
          Mark m = e.getStartMark().orElseThrow();
          stack.push(
              new Open(
                  e.getEventId() == Event.ID.MappingStart,
                  m.getLine() + 1,
                  m.getColumn() + 1,
                  e.getFlowStyle() == FlowStyle.FLOW));
        }
        case MappingEnd, SequenceEnd -> {
          Open done = stack.pop();
          if (done.mapping) {
            Mapping mapping =
                new Mapping(done.line, done.column, done.flow, List.copyOf(done.entries));
            mappings.put(key(done.line, done.column), mapping);
          }
          placed(stack, done.lastEnd);
        }
        case Scalar -> {
          ScalarEvent e = (ScalarEvent) event;
          Mark start = e.getStartMark().orElseThrow();
          Mark end = e.getEndMark().orElseThrow();
          int from = offsets.of(start);
          int to = offsets.of(end);
          if (e.getAnchor().isPresent() || e.getTag().isPresent()) {
            from = afterProperties(offsets.text(), from, to);
          }
          Scalar scalar =
              new Scalar(
                  start.getLine() + 1,
                  start.getColumn() + 1,
                  from,
                  to,
                  style(e.getScalarStyle()),
                  e.getValue(),
                  e.getAnchor().map(Anchor::getValue));
          scalars.put(key(scalar.line(), scalar.column()), scalar);
          Open parent = stack.peek();
          if (parent != null && parent.mapping && parent.pendingKey == null) {
            parent.pendingKey = scalar;
          } else {
            placed(stack, scalar.end());
          }
        }
        case Alias -> {
          ((AliasEvent) event).getAnchor().ifPresent(a -> aliases.add(a.getValue()));
          placed(stack, offsets.of(event.getEndMark().orElseThrow()));
        }
        default -> {
          // stream and document events carry no node
        }
      }
    }
  }

  /**
   * Where the value token of a scalar starts that is written with an anchor ({@code &id}) or a tag
   * ({@code !!float}): the event starts at those, which belong to the node, not to its value, and
   * stay as written when the value is replaced. Properties end at white space; a comment may follow
   * them before the value on the next line.
   */
  private static int afterProperties(String text, int from, int to) {
    int i = from;
    while (i < to && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
      while (i < to && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < to && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '#')) {
        if (text.charAt(i) == '#') {
          while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
          }
        } else {
          i++;
        }
      }
    }
    return i;
  }

  /** A value ending at {@code end} was placed in the collection on top of the stack. */
  private static void placed(Deque<Open> stack, int end) {
    Open parent = stack.peek();
    if (parent == null) {
      return;
    }
    parent.lastEnd = end;
    if (parent.mapping && parent.pendingKey != null) {
      parent.entries.add(new Entry(parent.pendingKey, end));
      parent.pendingKey = null;
    }
  }

  private static Style style(ScalarStyle style) {
    return switch (style) {
      case SINGLE_QUOTED -> Style.SINGLE_QUOTED;
      case DOUBLE_QUOTED -> Style.DOUBLE_QUOTED;
      case LITERAL -> Style.LITERAL;
      case FOLDED -> Style.FOLDED;
      default -> Style.PLAIN;
    };
  }

  /** A collection being read. */
  private static final class Open {
    final boolean mapping;
    final int line;
    final int column;
    final boolean flow;
    final List<Entry> entries = new ArrayList<>();
    Scalar pendingKey;
    int lastEnd;

    Open(boolean mapping, int line, int column, boolean flow) {
      this.mapping = mapping;
      this.line = line;
      this.column = column;
      this.flow = flow;
    }
  }

  /** Marks (code point index) to character offsets into the text, byte order mark included. */
  private static final class Offsets {
    private final String text;
    private final String body;
    private final int shift;
    private final boolean surrogates;

    Offsets(String text, int shift) {
      this.text = text;
      this.body = text.substring(shift);
      this.shift = shift;
      this.surrogates = body.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    /** The whole text, byte order mark included, as offsets count. */
    String text() {
      return text;
    }

    int of(Mark mark) {
      int index = mark.getIndex();
      return shift + (surrogates ? body.offsetByCodePoints(0, index) : index);
    }
  }
}
