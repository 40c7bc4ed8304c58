package io.waymark.engine.schema;

import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A quick yes-or-don't-know check of a YAML document against one of the bundled schemas, compiled
 * once from the schema files: {@link Verdict#VALID} only when the document certainly satisfies the
 * schema, {@link Verdict#INVALID} only when it certainly does not, {@link Verdict#UNKNOWN} for
 * everything this check does not decide exactly (a keyword it does not know, a decimal where an
 * integer is asked for, a number out of the readable range, an enum of other than strings, a
 * failing pattern or bound...). Where it is sure of every failure of a document it also lists them
 * ({@link #failures}), and {@link SchemaCheck} words the findings from those; every other document
 * not found {@code VALID} goes to the full validator (networknt), which words them. Most documents
 * of a repository are valid, and most invalid ones fail in the plain ways listed there, so a
 * repository seldom needs the full validator at all. A differential test holds {@code VALID} to
 * "the full validator reports nothing", {@code INVALID} to "it reports something", and the findings
 * worded from {@link #failures} to the full validator's.
 */
final class SchemaVerdict {

  enum Verdict {
    VALID,
    INVALID,
    UNKNOWN;

    /** Both hold: one certain failure fails the whole, otherwise any doubt stays. */
    Verdict and(Verdict other) {
      if (this == INVALID || other == INVALID) {
        return INVALID;
      }
      return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : VALID;
    }
  }

  /** A compiled schema (or one keyword of one). */
  private interface Check {
    Verdict test(YamlNode node);

    /**
     * Adds to {@code out} every failure of {@code node} (found at {@code path}, its keys and
     * indexes from the root) that the full validator would report against this schema, and says
     * whether it is sure of them all; false leaves {@code out} to be thrown away. By default a
     * check is sure only that a valid node has none.
     */
    default boolean explain(YamlNode node, List<String> path, List<SchemaFailure> out) {
      return test(node) == Verdict.VALID;
    }
  }

  /** How a check accounts for the failures of a node (see {@link Check#explain}). */
  private interface Explainer {
    boolean explain(YamlNode node, List<String> path, List<SchemaFailure> out);
  }

  /** A check whose failures {@code explainer} accounts for. */
  private record Explained(Check check, Explainer explainer) implements Check {
    @Override
    public Verdict test(YamlNode node) {
      return check.test(node);
    }

    @Override
    public boolean explain(YamlNode node, List<String> path, List<SchemaFailure> out) {
      return explainer.explain(node, path, out);
    }
  }

  private static final Check TRUE = node -> Verdict.VALID;
  private static final Check DOUBT = node -> Verdict.UNKNOWN;

  /** The schema {@code false}: nothing is valid. */
  private static final Check FALSE = node -> Verdict.INVALID;

  /** Keywords that say nothing about validity. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "default",
          "examples",
          "$comment",
          "$schema",
          "$id",
          "$defs",
          "then",
          "else");

  /**
   * Each schema file read so far as plain values: a JSON object is a {@code Map<String, Object>} in
   * the file's order, an array a {@code List<Object>}, a string a {@code String}, a number a {@code
   * BigDecimal} exactly as written, {@code true}/{@code false} a {@code Boolean} ({@link
   * PlainJson}). Guarded by this object.
   */
  private final Map<String, Object> files = new HashMap<>();

  /** The schema files this verdict knows, and how to get the text of one. */
  private final Set<String> names;

  private final Function<String, Optional<String>> texts;

  /** Guarded by this object, as {@link #files} and {@link #byFile}. */
  private final Map<String, Ref> compiled = new HashMap<>();

  private final Map<String, Check> byFile = new HashMap<>();

  /**
   * Compiles every schema file in {@code files} (file name to its text); a {@code $ref} to a file
   * not among them, or to a place not in it, compiles to a check that is never sure.
   */
  SchemaVerdict(Map<String, String> texts) {
    this(texts.keySet(), name -> Optional.ofNullable(texts.get(name)));
    compileAll();
  }

  /**
   * A verdict over the files {@code names}, each read ({@code texts}) and compiled when a document
   * is first tested against it or against a file that refers to it: a run that checks documents of
   * one kind reads and compiles that kind's schema and what it refers to, not every kind's.
   */
  SchemaVerdict(Collection<String> names, Function<String, Optional<String>> texts) {
    this.names = Set.copyOf(names);
    this.texts = texts;
  }

  /** Reads and compiles every file now (what testing a document of every kind would do). */
  synchronized void compileAll() {
    for (String name : new java.util.TreeSet<>(names)) {
      check(name);
    }
  }

  /** The verdict on {@code root} of the schema in file {@code schemaFile}. */
  Verdict test(String schemaFile, YamlNode root) {
    Check check = checkOf(schemaFile);
    return check == null ? Verdict.UNKNOWN : check.test(root);
  }

  /**
   * Every failure of {@code root} against the schema in file {@code schemaFile}, as the full
   * validator would report them, when this check is sure of them all: only the plainest failures of
   * the plainest keywords ({@code required}, an unknown field where none may be added, a text not
   * among an {@code enum}'s texts, a wrong type (a mapping or list shown as JSON), a one-line text
   * that fails a {@code pattern}, a text over its {@code maxLength}, a number beyond a whole-number
   * {@code minimum} or {@code maximum}), and only outside {@code anyOf}, {@code oneOf} and the
   * condition of an {@code if}, whose failures the full validator words in its own way. Empty when
   * not sure, or when it finds no failure. It may be sure of the failures of a document it could
   * not call {@link Verdict#INVALID} (a one-line text that fails a pattern: {@link #test} leaves
   * every failing pattern to the full validator). {@code SchemaVerdictDifferentialTest} holds the
   * findings worded from these to the full validator's.
   */
  Optional<List<SchemaFailure>> failures(String schemaFile, YamlNode root) {
    Check check = checkOf(schemaFile);
    List<SchemaFailure> out = new ArrayList<>();
    if (check == null || !check.explain(root, new ArrayList<>(), out) || out.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  /** The JSON Pointer of {@code path}, as Waymark writes one. */
  private static String pointer(List<String> path) {
    StringBuilder out = new StringBuilder();
    for (String token : path) {
      out.append('/').append(YamlNode.escape(token));
    }
    return out.toString();
  }

  /** A failure of a text, or of the keyword alone ({@code text} null). */
  private static SchemaFailure failure(
      List<String> path,
      String keyword,
      String property,
      String text,
      String schemaText,
      List<String> allowed,
      String message,
      java.util.function.Supplier<List<String>> declared) {
    return new SchemaFailure(
        pointer(path),
        keyword,
        property,
        text == null ? "value" : SchemaFailure.quoted(text),
        text,
        schemaText == null ? null : "\"" + schemaText + "\"",
        schemaText,
        allowed,
        message,
        declared);
  }

  /**
   * The compiled checks of the files compiled so far, a copy made after each compile and published
   * through this field: a document is tested without taking the lock (the cold run tests every
   * document on two threads). Once published, a check and every check it reaches are complete and
   * never change (a later compile only adds new ones).
   */
  private volatile Map<String, Check> published = Map.of();

  /** The compiled check of a file, compiled on first use (under the lock). */
  private Check checkOf(String schemaFile) {
    Check known = published.get(schemaFile);
    return known != null ? known : compiledCheckOf(schemaFile);
  }

  private synchronized Check compiledCheckOf(String schemaFile) {
    return names.contains(schemaFile) ? check(schemaFile) : null;
  }

  private Check check(String name) {
    Check known = byFile.get(name);
    if (known == null) {
      known = resolve(name, "");
      byFile.put(name, known);
      published = Map.copyOf(byFile);
    }
    return known;
  }

  /**
   * A schema file as plain values, read on first use; null when it is not one of this verdict's.
   */
  private Object file(String name) {
    if (files.containsKey(name)) {
      return files.get(name);
    }
    // Jackson's streaming parser alone: a run whose documents are all found valid here never
    // builds the full validator (networknt, Jackson's object mapper).
    Object root = names.contains(name) ? texts.apply(name).map(PlainJson::read).orElse(null) : null;
    files.put(name, root);
    return root;
  }

  /** A schema reached by {@code $ref}, filled in once compiled (references may loop). */
  private static final class Ref implements Check {
    private Check target = DOUBT;

    @Override
    public Verdict test(YamlNode node) {
      return target.test(node);
    }

    @Override
    public boolean explain(YamlNode node, List<String> path, List<SchemaFailure> out) {
      return target.explain(node, path, out);
    }
  }

  private Check resolve(String file, String pointer) {
    String key = file + "#" + pointer;
    Ref known = compiled.get(key);
    if (known != null) {
      return known;
    }
    Ref ref = new Ref();
    compiled.put(key, ref);
    Object root = file(file);
    if (root != null) {
      PlainJson.at(root, pointer).ifPresent(target -> ref.target = compile(file, target));
    }
    return ref;
  }

  private Check reference(String file, String ref) {
    int hash = ref.indexOf('#');
    String target = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    if (pointer.contains("%") || target.contains("/") || target.contains(":")) {
      return DOUBT;
    }
    return resolve(target.isEmpty() ? file : target, pointer);
  }

  private Check compile(String file, Object schema) {
    if (schema instanceof Boolean b) {
      return b ? TRUE : FALSE;
    }
    if (!(schema instanceof Map<?, ?> object)) {
      return DOUBT;
    }
    List<Check> checks = new ArrayList<>();
    Map<String, Check> properties = new LinkedHashMap<>();
    Map<Pattern, Check> patterns = new LinkedHashMap<>();
    Check additional = null;
    for (Map.Entry<String, Object> e : entries(object)) {
      Object value = e.getValue();
      switch (e.getKey()) {
        case "type" -> checks.add(type(value));
        case "$ref" -> checks.add(value instanceof String r ? reference(file, r) : DOUBT);
        case "properties" -> {
          for (Map.Entry<String, Object> p : entries(value)) {
            // The JVM's copy of the name, as the YAML reader's keys are (see
            // YamlReader.shared(char[], int, int, boolean)): a document's key then finds its
            // property by reference, without comparing the characters.
            properties.put(p.getKey().intern(), compile(file, p.getValue()));
          }
        }
        case "patternProperties" -> {
          for (Map.Entry<String, Object> p : entries(value)) {
            Pattern regex = regex(p.getKey());
            if (regex == null) {
              checks.add(DOUBT);
            } else {
              patterns.put(regex, compile(file, p.getValue()));
            }
          }
        }
        case "additionalProperties" -> additional = compile(file, value);
        case "required" -> checks.add(required(value));
        case "enum" -> checks.add(oneOfStrings(value, true));
        case "const" -> checks.add(oneOfStrings(java.util.Collections.singletonList(value), false));
        case "items" -> checks.add(items(compile(file, value)));
        case "minimum" -> checks.add(bound(value, true));
        case "maximum" -> checks.add(bound(value, false));
        case "minItems" -> checks.add(size(value, true));
        case "maxItems" -> checks.add(size(value, false));
        case "minLength" -> checks.add(length(value, true));
        case "maxLength" -> checks.add(length(value, false));
        case "pattern" -> checks.add(pattern(value));
        case "if" -> checks.add(conditional(file, object));
        case "allOf" -> checks.add(all(compileAll(file, value)));
        case "anyOf" -> checks.add(any(compileAll(file, value)));
        case "oneOf" -> checks.add(exactlyOne(compileAll(file, value)));
        default -> {
          if (!ANNOTATIONS.contains(e.getKey())) {
            checks.add(DOUBT); // a keyword this check does not know
          }
        }
      }
    }
    if (!properties.isEmpty() || !patterns.isEmpty() || additional != null) {
      checks.add(object(properties, patterns, additional));
    }
    return all(checks);
  }

  private List<Check> compileAll(String file, Object list) {
    List<Check> out = new ArrayList<>();
    if (!(list instanceof List<?> schemas)) {
      out.add(DOUBT);
      return out;
    }
    for (Object s : schemas) {
      out.add(compile(file, s));
    }
    return out;
  }

  private static Check all(List<Check> checks) {
    if (checks.isEmpty()) {
      return TRUE;
    }
    if (checks.size() == 1) {
      return checks.get(0);
    }
    Check[] array = checks.toArray(new Check[0]);
    Check test =
        node -> {
          Verdict v = Verdict.VALID;
          for (Check c : array) {
            v = v.and(c.test(node));
            if (v == Verdict.INVALID) {
              return v;
            }
          }
          return v;
        };
    return new Explained(
        test,
        (node, path, out) -> {
          for (Check c : array) {
            if (!c.explain(node, path, out)) {
              return false;
            }
          }
          return true;
        });
  }

  private static Check any(List<Check> checks) {
    Check[] array = checks.toArray(new Check[0]);
    return node -> {
      boolean doubt = false;
      for (Check c : array) {
        Verdict v = c.test(node);
        if (v == Verdict.VALID) {
          return v;
        }
        doubt |= v == Verdict.UNKNOWN;
      }
      return doubt ? Verdict.UNKNOWN : Verdict.INVALID;
    };
  }

  private static Check exactlyOne(List<Check> checks) {
    Check[] array = checks.toArray(new Check[0]);
    return node -> {
      int valid = 0;
      for (Check c : array) {
        Verdict v = c.test(node);
        if (v == Verdict.UNKNOWN) {
          return v;
        }
        valid += v == Verdict.VALID ? 1 : 0;
      }
      return valid == 1 ? Verdict.VALID : Verdict.INVALID;
    };
  }

  private Check conditional(String file, Map<?, ?> schema) {
    Check condition = compile(file, schema.get("if"));
    Check then = schema.containsKey("then") ? compile(file, schema.get("then")) : TRUE;
    Check otherwise = schema.containsKey("else") ? compile(file, schema.get("else")) : TRUE;
    Check test =
        node -> {
          Verdict v = condition.test(node);
          return switch (v) {
            case VALID -> then.test(node);
            case INVALID -> otherwise.test(node);
            default -> v;
          };
        };
    // The condition's own failures are no failures of the document.
    return new Explained(
        test,
        (node, path, out) ->
            switch (condition.test(node)) {
              case VALID -> then.explain(node, path, out);
              case INVALID -> otherwise.explain(node, path, out);
              default -> false;
            });
  }

  private static Check object(
      Map<String, Check> properties, Map<Pattern, Check> patterns, Check additional) {
    Check test =
        node -> {
          if (!(node instanceof YamlMap map)) {
            return Verdict.VALID;
          }
          Verdict v = Verdict.VALID;
          for (YamlMap.Entry e : map.entries().values()) {
            String key = e.key();
            boolean declared = false;
            Check p = properties.get(key);
            if (p != null) {
              declared = true;
              v = v.and(p.test(e.value()));
            }
            if (!patterns.isEmpty() && !singleLine(key)) {
              return Verdict.UNKNOWN;
            }
            for (Map.Entry<Pattern, Check> pattern : patterns.entrySet()) {
              if (pattern.getKey().matcher(key).find()) {
                declared = true;
                v = v.and(pattern.getValue().test(e.value()));
              }
            }
            if (!declared && additional != null) {
              v = v.and(additional.test(e.value()));
            }
            if (v == Verdict.INVALID) {
              return v;
            }
          }
          return v;
        };
    List<String> names = List.copyOf(properties.keySet());
    return new Explained(
        test,
        (node, path, out) -> {
          if (!(node instanceof YamlMap map)) {
            return true;
          }
          for (YamlMap.Entry e : map.entries().values()) {
            String key = e.key();
            boolean declared = false;
            path.add(key);
            Check p = properties.get(key);
            if (p != null) {
              declared = true;
              if (!p.explain(e.value(), path, out)) {
                return false;
              }
            }
            if (!patterns.isEmpty() && !singleLine(key)) {
              return false;
            }
            for (Map.Entry<Pattern, Check> pattern : patterns.entrySet()) {
              if (pattern.getKey().matcher(key).find()) {
                declared = true;
                if (!pattern.getValue().explain(e.value(), path, out)) {
                  return false;
                }
              }
            }
            path.remove(path.size() - 1);
            if (!declared && additional != null) {
              if (additional == FALSE) {
                // Reported on the mapping, naming the field.
                out.add(
                    failure(
                        path, "additionalProperties", key, null, null, null, null, () -> names));
              } else {
                path.add(key);
                if (!additional.explain(e.value(), path, out)) {
                  return false;
                }
                path.remove(path.size() - 1);
              }
            }
          }
          return true;
        });
  }

  private static Check items(Check item) {
    Check test =
        node -> {
          if (!(node instanceof YamlSeq seq)) {
            return Verdict.VALID;
          }
          Verdict v = Verdict.VALID;
          for (YamlNode i : seq.items()) {
            v = v.and(item.test(i));
            if (v == Verdict.INVALID) {
              return v;
            }
          }
          return v;
        };
    return new Explained(
        test,
        (node, path, out) -> {
          if (!(node instanceof YamlSeq seq)) {
            return true;
          }
          for (int i = 0; i < seq.items().size(); i++) {
            path.add(String.valueOf(i));
            if (!item.explain(seq.items().get(i), path, out)) {
              return false;
            }
            path.remove(path.size() - 1);
          }
          return true;
        });
  }

  private static Check required(Object names) {
    List<String> keys = strings(names);
    if (keys == null) {
      return DOUBT;
    }
    Check test =
        node -> {
          if (!(node instanceof YamlMap map)) {
            return Verdict.VALID;
          }
          for (String k : keys) {
            if (!map.entries().containsKey(k)) {
              return Verdict.INVALID;
            }
          }
          return Verdict.VALID;
        };
    return new Explained(
        test,
        (node, path, out) -> {
          if (node instanceof YamlMap map) {
            for (String k : keys) {
              if (!map.entries().containsKey(k)) {
                out.add(failure(path, "required", k, null, null, null, null, List::of));
              }
            }
          }
          return true;
        });
  }

  /**
   * enum and const: decided only when every allowed value and the value itself are strings; an
   * {@code enum}'s failures explained ({@code explained}), a {@code const}'s left to the full
   * validator.
   */
  private static Check oneOfStrings(Object values, boolean explained) {
    List<String> texts = strings(values);
    if (texts == null) {
      return DOUBT;
    }
    Set<String> allowed = new HashSet<>(texts);
    Check test =
        node -> {
          if (node instanceof YamlScalar s && s.value() instanceof String text) {
            return allowed.contains(text) ? Verdict.VALID : Verdict.INVALID;
          }
          return Verdict.UNKNOWN;
        };
    if (!explained) {
      return test;
    }
    List<String> shown = List.copyOf(texts);
    return new Explained(
        test,
        (node, path, out) -> {
          if (!(node instanceof YamlScalar s && s.value() instanceof String text)) {
            return false;
          }
          if (!allowed.contains(text)) {
            out.add(failure(path, "enum", null, text, null, shown, null, List::of));
          }
          return true;
        });
  }

  private static Check bound(Object limit, boolean lower) {
    if (!(limit instanceof BigDecimal bound)) {
      return DOUBT;
    }
    Check test =
        node -> {
          if (!(node instanceof YamlScalar s && s.value() instanceof BigDecimal d)) {
            return Verdict.VALID;
          }
          if (!NumberRange.readable(d)) {
            return Verdict.UNKNOWN; // the full validator sees a stand-in: let it decide
          }
          int c = d.compareTo(bound);
          return (lower ? c >= 0 : c <= 0) ? Verdict.VALID : Verdict.UNKNOWN;
        };
    if (bound.scale() != 0) {
      return test; // a message shows the bound as the full validator's JSON writes it
    }
    String keyword = lower ? "minimum" : "maximum";
    String shown = bound.toPlainString();
    return new Explained(
        test,
        (node, path, out) -> {
          Verdict v = test.test(node);
          if (v == Verdict.VALID) {
            return true;
          }
          if (!(node instanceof YamlScalar s
              && s.value() instanceof BigDecimal d
              && NumberRange.readable(d))) {
            return false;
          }
          out.add(
              new SchemaFailure(
                  pointer(path), keyword, null, "value", null, shown, shown, null, null, List::of));
          return true;
        });
  }

  private static Check size(Object limit, boolean lower) {
    Integer whole = count(limit);
    if (whole == null) {
      return DOUBT;
    }
    int bound = whole;
    return node -> {
      if (!(node instanceof YamlSeq seq)) {
        return Verdict.VALID;
      }
      int n = seq.items().size();
      return (lower ? n >= bound : n <= bound) ? Verdict.VALID : Verdict.UNKNOWN;
    };
  }

  /**
   * {@code minLength} ({@code lower}) or {@code maxLength}: JSON Schema counts code points. A lower
   * bound is checked in code points (exact); an upper one in chars, never fewer than code points,
   * so few enough chars is few enough code points, and more is left to the full validator.
   */
  private static Check length(Object limit, boolean lower) {
    Integer whole = count(limit);
    if (whole == null) {
      return DOUBT;
    }
    int bound = whole;
    Check test =
        node -> {
          if (!(node instanceof YamlScalar s && s.value() instanceof String text)) {
            return Verdict.VALID;
          }
          boolean within =
              lower ? text.codePointCount(0, text.length()) >= bound : text.length() <= bound;
          return within ? Verdict.VALID : Verdict.UNKNOWN;
        };
    if (lower) {
      return test;
    }
    String shown = String.valueOf(bound);
    return new Explained(
        test,
        (node, path, out) -> {
          if (node instanceof YamlScalar s
              && s.value() instanceof String text
              && text.codePointCount(0, text.length()) > bound) {
            out.add(failure(path, "maxLength", null, text, shown, null, null, List::of));
          }
          return true;
        });
  }

  private static Check pattern(Object regex) {
    Pattern p = regex instanceof String text ? regex(text) : null;
    if (p == null) {
      return DOUBT;
    }
    Check test =
        node -> {
          if (!(node instanceof YamlScalar s && s.value() instanceof String text)) {
            return Verdict.VALID;
          }
          return singleLine(text) && p.matcher(text).find() ? Verdict.VALID : Verdict.UNKNOWN;
        };
    String source = (String) regex;
    return new Explained(
        test,
        (node, path, out) -> {
          if (!(node instanceof YamlScalar s && s.value() instanceof String text)) {
            return true;
          }
          if (!singleLine(text)) {
            return false;
          }
          if (!p.matcher(text).find()) {
            out.add(failure(path, "pattern", null, text, source, null, null, List::of));
          }
          return true;
        });
  }

  /**
   * A schema's pattern as Java reads it, or null for one the full validator rewrites beyond what
   * {@link #singleLine} covers (Unicode property names). The full validator searches with Java's
   * regular expressions too, its {@code $} turned into ECMAScript's end of input: the same as
   * Java's on text without a line break, the only text this check decides.
   */
  private static Pattern regex(String pattern) {
    return pattern.contains("\\p{") || pattern.contains("\\P{") ? null : Pattern.compile(pattern);
  }

  private static boolean singleLine(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private static Check type(Object type) {
    List<String> names = type instanceof String name ? List.of(name) : strings(type);
    if (names == null) {
      return DOUBT;
    }
    Set<String> types = new HashSet<>(names);
    // Each answer worked out once, not looked up in the set for every value checked.
    Verdict object = verdict(types.contains("object"));
    Verdict array = verdict(types.contains("array"));
    Verdict nothing = verdict(types.contains("null"));
    Verdict bool = verdict(types.contains("boolean"));
    Verdict string = verdict(types.contains("string"));
    boolean number = types.contains("number");
    boolean integer = types.contains("integer");
    Check test =
        node -> {
          if (node instanceof YamlMap) {
            return object;
          }
          if (node instanceof YamlSeq) {
            return array;
          }
          Object value = ((YamlScalar) node).value();
          if (value == null) {
            return nothing;
          }
          if (value instanceof Boolean) {
            return bool;
          }
          if (value instanceof String) {
            return string;
          }
          BigDecimal d = (BigDecimal) value;
          if (!NumberRange.readable(d)) {
            return Verdict.UNKNOWN; // the full validator sees a stand-in: let it decide
          }
          if (number || integer && ((YamlScalar) node).integer()) {
            return Verdict.VALID;
          }
          // A decimal such as 2.0 may count as an integer: not decided here.
          return integer ? Verdict.UNKNOWN : Verdict.INVALID;
        };
    if (names.size() != 1) {
      return test;
    }
    String expected = names.get(0);
    return new Explained(
        test,
        (node, path, out) -> {
          Verdict v = test.test(node);
          if (v == Verdict.VALID) {
            return true;
          }
          String found = node instanceof YamlScalar ? scalarType(node) : containerType(node);
          // Not decided by the test: a decimal where an integer goes, wrong only when it has a
          // fraction (2.5, not 2.0).
          if (found == null || v == Verdict.UNKNOWN && !found.equals("number")) {
            return false;
          }
          // A mapping or a list is shown as the full validator writes it, as JSON (shortened).
          String shown = "value";
          if (!(node instanceof YamlScalar)) {
            StringBuilder json = new StringBuilder();
            if (!compactJson(node, json)) {
              return false;
            }
            shown = SchemaFailure.shortened(json.toString());
          }
          out.add(
              new SchemaFailure(
                  pointer(path),
                  "type",
                  null,
                  shown,
                  null,
                  "\"" + expected + "\"",
                  expected,
                  null,
                  found + " found, " + expected + " expected",
                  List::of));
          return true;
        });
  }

  /** The JSON type of a mapping or a list. */
  private static String containerType(YamlNode node) {
    return node instanceof YamlMap ? "object" : "array";
  }

  /**
   * Appends {@code node} as the full validator's JSON tree writes itself (compact, as its {@code
   * toString}), until {@code out} holds more than a message shows ({@link SchemaFailure#SHOWN});
   * false when something within that reach is not written here exactly as there (a decimal, a
   * number out of the readable range, a text with a character JSON escapes or beyond ASCII).
   */
  private static boolean compactJson(YamlNode node, StringBuilder out) {
    if (out.length() > SchemaFailure.SHOWN) {
      return true;
    }
    if (node instanceof YamlMap map) {
      out.append('{');
      boolean first = true;
      for (YamlMap.Entry e : map.entries().values()) {
        if (out.length() > SchemaFailure.SHOWN) {
          return true;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        if (!jsonString(e.key(), out)) {
          return false;
        }
        out.append(':');
        if (!compactJson(e.value(), out)) {
          return false;
        }
      }
      out.append('}');
      return true;
    }
    if (node instanceof YamlSeq seq) {
      out.append('[');
      boolean first = true;
      for (YamlNode item : seq.items()) {
        if (out.length() > SchemaFailure.SHOWN) {
          return true;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        if (!compactJson(item, out)) {
          return false;
        }
      }
      out.append(']');
      return true;
    }
    YamlScalar s = (YamlScalar) node;
    Object value = s.value();
    if (value == null || value instanceof Boolean) {
      out.append(value);
      return true;
    }
    if (value instanceof String text) {
      return jsonString(text, out);
    }
    BigDecimal d = (BigDecimal) value;
    if (!s.integer() || !NumberRange.readable(d)) {
      return false;
    }
    out.append(d.toBigIntegerExact());
    return true;
  }

  /** A text in JSON's quotes; false for one with a character JSON escapes or beyond ASCII. */
  private static boolean jsonString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      if (out.length() > SchemaFailure.SHOWN) {
        return true;
      }
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
      out.append(c);
    }
    out.append('"');
    return true;
  }

  /**
   * The JSON type the full validator names for a scalar: null for a number out of the readable
   * range or a decimal without a fraction (which it may count as an integer), whose type failures
   * it words itself.
   */
  private static String scalarType(YamlNode node) {
    if (!(node instanceof YamlScalar s)) {
      return null;
    }
    Object value = s.value();
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof String) {
      return "string";
    }
    BigDecimal d = (BigDecimal) value;
    if (!NumberRange.readable(d)) {
      return null;
    }
    if (s.integer()) {
      return "integer";
    }
    // A decimal with a fraction is a number to any validator; 2.0 may count as an integer.
    return d.stripTrailingZeros().scale() > 0 ? "number" : null;
  }

  private static Verdict verdict(boolean valid) {
    return valid ? Verdict.VALID : Verdict.INVALID;
  }

  /** A JSON array of strings as a list, or null for anything else (a keyword not decided here). */
  private static List<String> strings(Object values) {
    if (!(values instanceof List<?> list)) {
      return null;
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object v : list) {
      if (!(v instanceof String text)) {
        return null;
      }
      out.add(text.intern()); // as the property names above
    }
    return out;
  }

  /** A non-negative whole number of at most {@code int}'s range (a count), or null. */
  private static Integer count(Object limit) {
    if (limit instanceof BigDecimal d && d.signum() >= 0) {
      try {
        return d.intValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  /** The members of a JSON object, or none for any other value. */
  @SuppressWarnings("unchecked")
  private static Iterable<Map.Entry<String, Object>> entries(Object value) {
    return value instanceof Map<?, ?> map
        ? ((Map<String, Object>) map).entrySet()
        : List.<Map.Entry<String, Object>>of();
  }
}
