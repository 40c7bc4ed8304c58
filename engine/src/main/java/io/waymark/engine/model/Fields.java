package io.waymark.engine.model;

import io.waymark.engine.finding.Location;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Typed, lenient read access to one mapping of a document (a {@link SourceNode}; the loader adapts
 * YAML nodes to it) while building the model. The schema has already checked shapes, so a value of
 * the wrong type simply reads as absent; a date that matches the pattern but is not on the calendar
 * (2027-02-30) is recorded as a problem.
 */
final class Fields {

  private final SourceNode map;
  private final Anchor anchor;
  private final List<ModelProblem> problems;
  private final Set<String> excluded;

  Fields(SourceNode node, Anchor anchor, List<ModelProblem> problems) {
    this(node, anchor, problems, Set.of());
  }

  /**
   * @param excluded JSON Pointers of sequence items that failed their schema: {@link #list} leaves
   *     them out, so the rest of a document can still be read
   */
  Fields(SourceNode node, Anchor anchor, List<ModelProblem> problems, Set<String> excluded) {
    this.map = node != null && node.shape() == SourceNode.Shape.MAPPING ? node : null;
    this.anchor = anchor;
    this.problems = problems;
    this.excluded = excluded;
  }

  private Fields at(SourceNode node, Anchor at) {
    return new Fields(node, at, problems, excluded);
  }

  Anchor anchor() {
    return anchor;
  }

  Optional<Fields> object(String key) {
    return node(key).filter(Fields::isMapping).map(n -> at(n, anchor.child(key, n)));
  }

  Fields objectOrEmpty(String key) {
    return object(key).orElseGet(() -> at(null, anchor));
  }

  Optional<String> optString(String key) {
    Optional<SourceNode> scalar = scalar(key);
    return scalar.isPresent() && scalar.get().value() instanceof String
        ? present(text(scalar.get()))
        : Optional.empty();
  }

  /**
   * Present values lately read, one {@link Optional} each: the model's records keep an {@code
   * Optional} per value they read, and most values of a large repository recur (short texts and
   * numbers are one object each, shared by the reader), so most of those were copies. A small table
   * without locks, by the value's identity; threads overwriting each other's entry only lose a
   * chance to share. An {@code Optional} is immutable, so sharing one changes no result.
   */
  private static final Optional<?>[] SHARED_PRESENT = new Optional<?>[1 << 12];

  /** Texts longer than this are seldom shared by the reader: no look-up for them. */
  private static final int MAX_SHARED_TEXT = 40;

  /** {@code Optional.of(value)}, the one kept for the same value when there is one. */
  @SuppressWarnings("unchecked")
  static <T> Optional<T> present(T value) {
    if (value instanceof String text && text.length() > MAX_SHARED_TEXT) {
      return Optional.of(value);
    }
    int h = System.identityHashCode(value);
    int i = (h ^ (h >>> 16)) & (SHARED_PRESENT.length - 1);
    Optional<?> known = SHARED_PRESENT[i];
    if (known != null && known.get() == value) {
      return (Optional<T>) known;
    }
    Optional<T> made = Optional.of(value);
    SHARED_PRESENT[i] = made;
    return made;
  }

  /**
   * A string value; read from history (a detached anchor), the one shared copy of it, since
   * thousands of versions of a roadmap repeat the same names and descriptions.
   */
  private String text(SourceNode scalar) {
    String value = (String) scalar.value();
    return anchor.isDetached() ? value.intern() : value;
  }

  String string(String key) {
    return optString(key).orElse("");
  }

  Optional<BigDecimal> optNumber(String key) {
    Optional<SourceNode> scalar = scalar(key);
    return scalar.isPresent() && scalar.get().value() instanceof BigDecimal number
        ? present(number)
        : Optional.empty();
  }

  BigDecimal number(String key) {
    return optNumber(key).orElse(BigDecimal.ZERO);
  }

  /**
   * A whole number that fits an {@code int}. The schema bounds every integer field far below that;
   * a value that still does not fit is recorded as a problem and reads as 0, never wrapped.
   */
  int integer(String key) {
    return optNumber(key).map(n -> exactInt(n, key)).orElse(0);
  }

  /** The whole numbers of a sequence, each checked as {@link #integer} does. */
  List<Integer> integers(String key) {
    List<BigDecimal> numbers = numbers(key);
    ArrayList<Integer> out = new ArrayList<>(numbers.size());
    for (int i = 0; i < numbers.size(); i++) {
      out.add(exactInt(numbers.get(i), key + "/" + i));
    }
    return frozen(out);
  }

  private int exactInt(BigDecimal n, String key) {
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      problem(
          key,
          n + " is not a whole number Waymark can use",
          "Write a whole number within the range the schema gives for this field.");
      return 0;
    }
  }

  Optional<Boolean> optBoolean(String key) {
    Optional<SourceNode> scalar = scalar(key);
    return scalar.isPresent() && scalar.get().value() instanceof Boolean b
        ? present(b)
        : Optional.empty();
  }

  boolean has(String key) {
    return node(key).isPresent();
  }

  boolean isNull(String key) {
    return scalar(key).map(s -> s.value() == null).orElse(false);
  }

  /**
   * The JSON Pointer of a problem's value, as every schema finding's message starts with it ({@code
   * /spec/start: ...}): the text, checkstyle, JUnit, GitHub and GitLab formats carry no pointer of
   * their own. The relative key where the value has no position (a document read from history).
   */
  private static String where(Location at, String key) {
    return at.path().isEmpty() ? key : at.path();
  }

  /**
   * An ISO 4217 currency code: three capital letters pass the schema, but one that names no
   * currency (a typo such as EUO) would be written before every amount of every report.
   */
  Optional<String> optCurrency(String key) {
    Optional<String> code = optString(key);
    if (code.isEmpty() || !threeCapitals(code.get())) {
      // Anything else the schema's pattern reports already ("eur": one finding, not two).
      return code;
    }
    try {
      java.util.Currency.getInstance(code.get());
      return code;
    } catch (IllegalArgumentException e) {
      problem(
          key,
          "'" + code.get() + "' is not an ISO 4217 currency code",
          "Write the three letters of a currency, e.g. EUR, USD or GBP.");
      return code;
    }
  }

  /** The schema's pattern for a currency code, {@code ^[A-Z]{3}$}. */
  private static boolean threeCapitals(String code) {
    return code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }

  Optional<LocalDate> optDate(String key) {
    Optional<String> text = optString(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return sharedDate(text.get());
    } catch (DateTimeParseException e) {
      problem(
          key, "'" + text.get() + "' is not a calendar date", "Write a real date as YYYY-MM-DD.");
      return Optional.empty();
    }
  }

  /**
   * A value the schema let through that the model cannot take, said at the value: "/spec/start:
   * '2027-02-30' is not a calendar date".
   */
  private void problem(String key, String statement, String hint) {
    Location at = anchor.location(key);
    problems.add(new ModelProblem(at, where(at, key) + ": " + statement, hint));
  }

  /**
   * Dates lately read, by their text: one {@code Optional<LocalDate>} for each recurring date (the
   * as-of dates, quarter starts and review days a plan repeats). As {@link #SHARED_PRESENT}: a
   * small table without locks, each text one place by its hash.
   */
  private static final SharedDate[] SHARED_DATES = new SharedDate[1 << 10];

  /** A date and the text it was read from; final fields, so a racing reader sees both. */
  private record SharedDate(String text, Optional<LocalDate> date) {}

  /**
   * {@code Optional.of(parseDate(text))}, the one kept for the same text when there is one.
   *
   * @throws DateTimeParseException as {@link #parseDate} does
   */
  private static Optional<LocalDate> sharedDate(String text) {
    int h = text.hashCode();
    int i = (h ^ (h >>> 16)) & (SHARED_DATES.length - 1);
    SharedDate known = SHARED_DATES[i];
    if (known != null && known.text.equals(text)) {
      return known.date;
    }
    Optional<LocalDate> date = Optional.of(parseDate(text));
    SHARED_DATES[i] = new SharedDate(text, date);
    return date;
  }

  /**
   * {@link LocalDate#parse} of {@code text}: the same date, or the same exception. The plain form
   * "YYYY-MM-DD" (nearly every date of a plan) is read digit by digit, a few times faster than the
   * formatter (ten thousand documents hold tens of thousands of dates); anything else, and a form
   * that names no date (2027-02-30), goes to the formatter, which says why.
   */
  static LocalDate parseDate(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        try {
          return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException notADate) {
          // the formatter throws the exception it would throw
        }
      }
    }
    return LocalDate.parse(text);
  }

  /**
   * The number the ASCII digits of {@code text} from {@code from} to {@code to} write; -1 if not.
   */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  LocalDate date(String key) {
    return optDate(key).orElse(LocalDate.EPOCH);
  }

  List<String> strings(String key) {
    ArrayList<String> out = new ArrayList<>();
    node(key)
        .filter(Fields::isSequence)
        .ifPresent(
            n -> {
              for (SourceNode item : n.items()) {
                if (item.value() instanceof String) {
                  out.add(text(item));
                }
              }
            });
    return frozen(out);
  }

  List<BigDecimal> numbers(String key) {
    ArrayList<BigDecimal> out = new ArrayList<>();
    node(key)
        .filter(Fields::isSequence)
        .ifPresent(
            n -> {
              for (SourceNode item : n.items()) {
                if (item.value() instanceof BigDecimal number) {
                  out.add(number);
                }
              }
            });
    return frozen(out);
  }

  <T> List<T> list(String key, Function<Fields, T> reader) {
    ArrayList<T> out = new ArrayList<>();
    Optional<SourceNode> seq = node(key).filter(Fields::isSequence);
    if (seq.isPresent()) {
      Anchor listAnchor = anchor.child(key, seq.get());
      List<SourceNode> items = seq.get().items();
      for (int i = 0; i < items.size(); i++) {
        SourceNode item = items.get(i);
        Anchor itemAnchor = listAnchor.child(Anchor.indexToken(i), item);
        if (isMapping(item) && (excluded.isEmpty() || !excluded.contains(itemAnchor.pointer()))) {
          out.add(reader.apply(at(item, itemAnchor)));
        }
      }
    }
    return frozen(out);
  }

  /**
   * {@code out} unmodifiable, without spare room: a model keeps its lists for the whole run, most
   * of them of one or two items in an array made for ten.
   */
  private static <T> List<T> frozen(ArrayList<T> out) {
    out.trimToSize();
    return Collections.unmodifiableList(out);
  }

  /** The keys of a nested mapping, each with a reader over its value. */
  <T> Map<String, T> entries(String key, BiFunction<String, Fields, T> reader) {
    Map<String, T> out = new LinkedHashMap<>();
    object(key)
        .ifPresent(
            f -> {
              for (String name : f.map.keys()) {
                SourceNode value = f.map.get(name).orElseThrow();
                String k = f.key(name);
                out.put(k, reader.apply(k, at(value, f.anchor.child(name, value))));
              }
            });
    return SmallMap.copyOf(out);
  }

  /** Scalar values of a nested mapping: String, BigDecimal, Boolean (nulls left out). */
  Map<String, Object> scalars(String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    object(key)
        .ifPresent(
            f -> {
              for (String k : f.map.keys()) {
                SourceNode s = f.map.get(k).orElseThrow();
                if (s.shape() == SourceNode.Shape.SCALAR && s.value() != null) {
                  out.put(f.key(k), s.value() instanceof String ? f.text(s) : s.value());
                }
              }
            });
    return SmallMap.copyOf(out);
  }

  /** The numeric values of this mapping, by key (non-numbers left out). */
  Map<String, BigDecimal> numberMap() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    if (map != null) {
      for (String k : map.keys()) {
        if (map.get(k).orElseThrow().value() instanceof BigDecimal number) {
          out.put(key(k), number);
        }
      }
    }
    return SmallMap.copyOf(out);
  }

  private String key(String key) {
    return anchor.isDetached() ? key.intern() : key;
  }

  /** The keys of this mapping itself. */
  List<String> keys() {
    return map == null ? List.of() : List.copyOf(map.keys());
  }

  private Optional<SourceNode> node(String key) {
    return map == null ? Optional.empty() : map.get(key);
  }

  private Optional<SourceNode> scalar(String key) {
    return node(key).filter(n -> n.shape() == SourceNode.Shape.SCALAR);
  }

  private static boolean isMapping(SourceNode node) {
    return node.shape() == SourceNode.Shape.MAPPING;
  }

  private static boolean isSequence(SourceNode node) {
    return node.shape() == SourceNode.Shape.SEQUENCE;
  }
}
