package io.waymark.engine.model;

import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
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
 * Typed, lenient read access to one YAML mapping while building the model. The schema has already
 * checked shapes, so a value of the wrong type simply reads as absent; a date that matches the
 * pattern but is not on the calendar (2027-02-30) is recorded as a problem.
 */
final class Fields {

  private final YamlMap map;
  private final Anchor anchor;
  private final List<ModelProblem> problems;
  private final Set<String> excluded;

  Fields(YamlNode node, Anchor anchor, List<ModelProblem> problems) {
    this(node, anchor, problems, Set.of());
  }

  /**
   * @param excluded JSON Pointers of sequence items that failed their schema: {@link #list} leaves
   *     them out, so the rest of a document can still be read
   */
  Fields(YamlNode node, Anchor anchor, List<ModelProblem> problems, Set<String> excluded) {
    this.map = node instanceof YamlMap m ? m : null;
    this.anchor = anchor;
    this.problems = problems;
    this.excluded = excluded;
  }

  private Fields at(YamlNode node, Anchor at) {
    return new Fields(node, at, problems, excluded);
  }

  Anchor anchor() {
    return anchor;
  }

  Optional<Fields> object(String key) {
    return node(key).filter(n -> n instanceof YamlMap).map(n -> at(n, anchor.child(key, n)));
  }

  Fields objectOrEmpty(String key) {
    return object(key).orElseGet(() -> at(null, anchor));
  }

  Optional<String> optString(String key) {
    return scalar(key).filter(YamlScalar::isString).map(s -> text(s));
  }

  /**
   * A string value; read from history (a detached anchor), the one shared copy of it, since
   * thousands of versions of a roadmap repeat the same names and descriptions.
   */
  private String text(YamlScalar scalar) {
    String value = (String) scalar.value();
    return anchor.isDetached() ? value.intern() : value;
  }

  String string(String key) {
    return optString(key).orElse("");
  }

  Optional<BigDecimal> optNumber(String key) {
    return scalar(key).filter(YamlScalar::isNumber).map(s -> (BigDecimal) s.value());
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
    List<Integer> out = new ArrayList<>(numbers.size());
    for (int i = 0; i < numbers.size(); i++) {
      out.add(exactInt(numbers.get(i), key + "/" + i));
    }
    return Collections.unmodifiableList(out);
  }

  private int exactInt(BigDecimal n, String key) {
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      problems.add(
          new ModelProblem(
              anchor.location(key),
              key + ": " + n + " is not a whole number Waymark can use",
              "Write a whole number within the range the schema gives for this field."));
      return 0;
    }
  }

  Optional<Boolean> optBoolean(String key) {
    return scalar(key).filter(YamlScalar::isBoolean).map(s -> (Boolean) s.value());
  }

  boolean has(String key) {
    return node(key).isPresent();
  }

  boolean isNull(String key) {
    return scalar(key).map(YamlScalar::isNull).orElse(false);
  }

  Optional<LocalDate> optDate(String key) {
    Optional<String> text = optString(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.get()));
    } catch (DateTimeParseException e) {
      problems.add(
          new ModelProblem(
              anchor.location(key),
              "'" + text.get() + "' is not a calendar date",
              "Write a real date as YYYY-MM-DD."));
      return Optional.empty();
    }
  }

  LocalDate date(String key) {
    return optDate(key).orElse(LocalDate.EPOCH);
  }

  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    node(key)
        .filter(n -> n instanceof YamlSeq)
        .ifPresent(
            n -> {
              for (YamlNode item : ((YamlSeq) n).items()) {
                if (item instanceof YamlScalar s && s.isString()) {
                  out.add(text(s));
                }
              }
            });
    return Collections.unmodifiableList(out);
  }

  List<BigDecimal> numbers(String key) {
    List<BigDecimal> out = new ArrayList<>();
    node(key)
        .filter(n -> n instanceof YamlSeq)
        .ifPresent(
            n -> {
              for (YamlNode item : ((YamlSeq) n).items()) {
                if (item instanceof YamlScalar s && s.isNumber()) {
                  out.add((BigDecimal) s.value());
                }
              }
            });
    return Collections.unmodifiableList(out);
  }

  <T> List<T> list(String key, Function<Fields, T> reader) {
    List<T> out = new ArrayList<>();
    Optional<YamlNode> seq = node(key).filter(n -> n instanceof YamlSeq);
    if (seq.isPresent()) {
      Anchor listAnchor = anchor.child(key, seq.get());
      List<YamlNode> items = ((YamlSeq) seq.get()).items();
      for (int i = 0; i < items.size(); i++) {
        Anchor itemAnchor = listAnchor.child(String.valueOf(i), items.get(i));
        if (items.get(i) instanceof YamlMap && !excluded.contains(itemAnchor.pointer())) {
          out.add(reader.apply(at(items.get(i), itemAnchor)));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The keys of a nested mapping, each with a reader over its value. */
  <T> Map<String, T> entries(String key, BiFunction<String, Fields, T> reader) {
    Map<String, T> out = new LinkedHashMap<>();
    object(key)
        .ifPresent(
            f -> {
              for (YamlMap.Entry e : f.map.entries().values()) {
                String k = f.key(e.key());
                out.put(k, reader.apply(k, at(e.value(), f.anchor.child(e.key(), e.value()))));
              }
            });
    return Collections.unmodifiableMap(out);
  }

  /** Scalar values of a nested mapping: String, BigDecimal, Boolean (nulls left out). */
  Map<String, Object> scalars(String key) {
    Map<String, Object> out = new LinkedHashMap<>();
    object(key)
        .ifPresent(
            f -> {
              for (YamlMap.Entry e : f.map.entries().values()) {
                if (e.value() instanceof YamlScalar s && !s.isNull()) {
                  out.put(f.key(e.key()), s.isString() ? f.text(s) : s.value());
                }
              }
            });
    return Collections.unmodifiableMap(out);
  }

  /** The numeric values of this mapping, by key (non-numbers left out). */
  Map<String, BigDecimal> numberMap() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    if (map != null) {
      for (YamlMap.Entry e : map.entries().values()) {
        if (e.value() instanceof YamlScalar s && s.isNumber()) {
          out.put(key(e.key()), (BigDecimal) s.value());
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private String key(String key) {
    return anchor.isDetached() ? key.intern() : key;
  }

  /** The keys of this mapping itself. */
  List<String> keys() {
    return map == null ? List.of() : List.copyOf(map.entries().keySet());
  }

  private Optional<YamlNode> node(String key) {
    return map == null ? Optional.empty() : map.get(key);
  }

  private Optional<YamlScalar> scalar(String key) {
    return node(key).filter(n -> n instanceof YamlScalar).map(n -> (YamlScalar) n);
  }
}
