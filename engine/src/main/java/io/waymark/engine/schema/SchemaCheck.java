package io.waymark.engine.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.finding.Suggestion;
import io.waymark.engine.model.Document;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Validates a document against its kind's bundled schema and turns each schema error into a {@code
 * schema} finding at the line and column of the offending node.
 */
public final class SchemaCheck {

  public static final String RULE = "schema";

  private final BundledSchemas schemas;
  private final boolean quick;

  public SchemaCheck(BundledSchemas schemas) {
    this(schemas, true);
  }

  /**
   * @param quick whether a document the quick {@link SchemaVerdict} finds valid skips the full
   *     validator (which then has nothing to report); false for the reference path of the tests
   */
  SchemaCheck(BundledSchemas schemas, boolean quick) {
    this.schemas = schemas;
    this.quick = quick;
  }

  /**
   * Starts compiling the quick verdict on a background thread (what the first {@link #check} would
   * do, while the caller lists the files). A check that needs it meanwhile waits for it, as it
   * would for the first check that compiled it; nothing else changes. Does nothing when it is
   * compiled already or this check has none.
   */
  public void prepareVerdict() {
    if (quick && schemas.verdictPending()) {
      background("waymark-verdict", schemas::prepareVerdict);
    }
  }

  /**
   * Starts loading networknt's schema of every kind on a background thread; the first document that
   * needs the full validator (one whose failures the quick verdict cannot word) starts it when it
   * is not asked to wait, so that it is loaded while other documents are read. Does nothing when
   * they are loaded or being loaded already.
   */
  public void prepareEveryKind() {
    if (schemas.everyKindPending() && schemas.startLoading()) {
      background("waymark-schemas", schemas::prepareEveryKind);
    }
  }

  /**
   * Thrown by a check that was asked not to wait for the full validator while it is being loaded
   * (see {@link #check(Document, YamlNode, boolean)}): not a failure, the document is to be checked
   * again.
   */
  public static final class NotReady extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotReady INSTANCE = new NotReady();

    private NotReady() {
      super("the full schema validator is still being loaded", null, false, false);
    }
  }

  private static void background(String name, Runnable work) {
    Thread t =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (RuntimeException | LinkageError e) {
                // left for the first check that needs it: it compiles it again and reports it
              }
            },
            name);
    t.setDaemon(true);
    t.start();
  }

  /**
   * The schema findings of one document.
   *
   * @param document its file and kind
   * @param root the YAML it was read from (the loader's nodes: the document itself holds the
   *     model's read-only view of them)
   */
  public List<Finding> check(Document document, YamlNode root) {
    return check(document, root, true);
  }

  /**
   * As {@link #check(Document, YamlNode)}; when not {@code patient}, a document that needs the full
   * validator before every kind's schema is loaded (by {@link #prepareEveryKind()}, which the first
   * such document starts) is not checked: {@link NotReady} is thrown instead, and the caller checks
   * it again later, patiently, rather than wait for the loading while other documents could be
   * read.
   */
  public List<Finding> check(Document document, YamlNode root, boolean patient) {
    SchemaVerdict.Verdict verdict =
        quick ? schemas.verdict(document.kind(), root) : SchemaVerdict.Verdict.UNKNOWN;
    List<SchemaFailure> failures;
    if (verdict == SchemaVerdict.Verdict.VALID) {
      failures = List.of();
    } else {
      // A document whose every failure the quick verdict is sure of (also one it could not call
      // invalid: a failing pattern) is worded from them: the full validator (networknt, Jackson) is
      // then never loaded.
      failures = quick ? schemas.failures(document.kind(), root).orElse(null) : null;
      if (failures == null) {
        if (!patient && !schemas.everyKindLoaded()) {
          prepareEveryKind();
          throw NotReady.INSTANCE;
        }
        failures = new ArrayList<>();
        for (Error error : schemas.forKind(document.kind()).validate(JsonTree.of(root))) {
          failures.add(failure(error));
        }
      }
    }
    // One finding per node and keyword: oneOf/anyOf branches repeat themselves.
    Map<String, Finding> findings = new LinkedHashMap<>();
    for (SchemaFailure failure : failures) {
      Finding f = toFinding(document, root, failure);
      findings.putIfAbsent(f.location().path() + ' ' + failure.keyword() + ' ' + f.message(), f);
    }
    List<Finding> out = new ArrayList<>(findings.values());
    java.util.Set<String> reported = new java.util.HashSet<>();
    out.forEach(f -> reported.add(f.location().path()));
    outOfRange(document, root, new ArrayList<>(), reported, out);
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** A failure the full validator reported, as a finding is worded from it. */
  private SchemaFailure failure(Error error) {
    String keyword = String.valueOf(error.getKeyword());
    JsonNode instance = error.getInstanceNode();
    JsonNode schema = error.getSchemaNode();
    List<String> allowed = null;
    if (schema != null && schema.isArray()) {
      allowed = new ArrayList<>();
      for (JsonNode v : schema) {
        allowed.add(v.isString() ? v.asString() : v.toString());
      }
    }
    return new SchemaFailure(
        pointer(error.getInstanceLocation()),
        keyword,
        error.getProperty(),
        show(instance),
        instance != null && instance.isString() ? instance.asString() : null,
        schema == null ? null : schema.toString(),
        schema != null && (schema.isString() || schema.isNumber()) ? schema.asString() : null,
        allowed,
        error.getMessage(),
        () -> schemas.declaredProperties(error.getSchemaLocation()));
  }

  /**
   * Numbers outside {@link NumberRange} that no schema keyword already reported (a field without a
   * maximum: money, a measurement, a score). The pointer of a node is spelled out only for such a
   * number ({@code tokens} holds the way down).
   */
  private static void outOfRange(
      Document document,
      YamlNode node,
      List<String> tokens,
      java.util.Set<String> reported,
      List<Finding> out) {
    if (node instanceof YamlMap map) {
      for (YamlMap.Entry e : map.entries().values()) {
        tokens.add(e.key());
        outOfRange(document, e.value(), tokens, reported, out);
        tokens.remove(tokens.size() - 1);
      }
    } else if (node instanceof YamlSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        tokens.add(String.valueOf(i));
        outOfRange(document, seq.items().get(i), tokens, reported, out);
        tokens.remove(tokens.size() - 1);
      }
    } else if (node instanceof YamlScalar scalar
        && scalar.value() instanceof java.math.BigDecimal d
        && !NumberRange.readable(d)) {
      StringBuilder path = new StringBuilder();
      tokens.forEach(t -> path.append('/').append(YamlNode.escape(t)));
      String pointer = path.toString();
      if (reported.contains(pointer)) {
        return;
      }
      out.add(
          new Finding(
              RULE,
              Severity.ERROR,
              new Location(document.file(), node.line(), node.column(), pointer),
              (pointer.isEmpty() ? "document" : pointer)
                  + ": "
                  + written(scalar)
                  + " is out of range: "
                  + NumberRange.rule(),
              "Write the number out in full, within that range (no amount, score or count"
                  + " needs more)."));
    }
  }

  /** A scalar as the author wrote it, shortened for a one-line message. */
  private static String written(YamlScalar scalar) {
    String text = scalar.isString() ? "'" + scalar.text() + "'" : scalar.text();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  /**
   * A hint for {@code {description: Manual pipelines, slow}}: in a one-line flow mapping an
   * unquoted comma ends the value, and the rest becomes a key without value. Recognised by a key
   * with no value on the same line as the text value before it (block mappings never put two keys
   * on one line).
   */
  static Optional<String> commaSplit(YamlNode node, String key) {
    if (!(node instanceof YamlMap map)) {
      return Optional.empty();
    }
    YamlMap.Entry previous = null;
    for (YamlMap.Entry e : map.entries().values()) {
      if (e.key().equals(key)) {
        if (previous != null
            && previous.line() == e.line()
            && previous.value() instanceof YamlScalar text
            && text.isString()
            && e.value() instanceof YamlScalar empty
            && empty.isNull()) {
          String whole = text.value() + ", " + key;
          return Optional.of(
              "The unquoted comma in the value of '"
                  + previous.key()
                  + "' split it: in a one-line {...} mapping a comma separates fields, so '"
                  + key
                  + "' became a field of its own. Quote the value: "
                  + previous.key()
                  + ": \""
                  + whole.replace("\"", "\\\"")
                  + "\" (or write the mapping on several lines).");
        }
        return Optional.empty();
      }
      previous = e;
    }
    return Optional.empty();
  }

  /** The key YAML 1.1 merges a mapping in with; an ordinary key in YAML 1.2. */
  private static final String MERGE_KEY = "<<";

  private static Finding toFinding(Document document, YamlNode root, SchemaFailure error) {
    String pointer = error.pointer();
    String keyword = error.keyword();
    YamlNode node = root.at(pointer).orElse(root);
    String property = error.property();
    Location location = new Location(document.file(), node.line(), node.column(), pointer);
    String where = pointer.isEmpty() ? "document" : pointer;
    String message;
    String hint;
    switch (keyword) {
      case "additionalProperties", "unevaluatedProperties" -> {
        String key = property == null ? "?" : property;
        if (node instanceof YamlMap map && map.entry(key).isPresent()) {
          YamlMap.Entry e = map.entry(key).get();
          location =
              new Location(
                  document.file(), e.line(), e.column(), pointer + "/" + YamlNode.escape(key));
        }
        // Shortened as a value is (the path keeps it whole): a key can be a whole line long.
        message =
            "unknown field '"
                + (key.length() > 60 ? key.substring(0, 57) + "..." : key)
                + "' in "
                + where;
        if (key.equals(MERGE_KEY)) {
          message +=
              " (a merge key of YAML 1.1; Waymark reads YAML 1.2, where '<<' is a key like any"
                  + " other)";
          hint = "Write the fields out in this mapping instead of merging them in from an anchor.";
          break;
        }
        hint =
            commaSplit(node, key)
                .orElseGet(
                    () ->
                        Suggestion.nearest(key, error.declared().get())
                                .map(s -> "Did you mean '" + s + "'? ")
                                .orElse("")
                            + "Remove the field or fix its name; see `waymark schema` for the"
                            + " fields of "
                            + document.kind().id()
                            + ".");
      }
      case "required" -> {
        message = "missing required field '" + property + "' in " + where;
        hint = "Add '" + property + "' (see `waymark schema` for what it holds).";
      }
      case "enum" -> {
        message = where + ": " + error.shown() + " is not one of " + allowed(error);
        hint = "Use one of the listed values (they are case-sensitive).";
      }
      case "const" -> {
        message = where + ": " + error.shown() + " must be " + shownSchema(error);
        hint = "Use exactly that value.";
      }
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
        String bound = error.schemaJson() == null ? "?" : error.schemaJson();
        String value = node instanceof YamlScalar scalar ? written(scalar) : error.shown();
        message =
            where
                + ": "
                + value
                + switch (keyword) {
                  case "minimum" -> " is below the minimum " + bound;
                  case "maximum" -> " is above the maximum " + bound;
                  case "exclusiveMinimum" -> " must be greater than " + bound;
                  default -> " must be less than " + bound;
                };
        hint = "Write a value within the range this field allows (see `waymark schema`).";
      }
      case "type" -> {
        Optional<NumberSpelling> spelling =
            node instanceof YamlScalar scalar && scalar.isString() && expectsNumber(error)
                ? NumberSpelling.of(scalar.text())
                : Optional.empty();
        if (spelling.isPresent()) {
          message =
              where
                  + ": "
                  + written((YamlScalar) node)
                  + " is "
                  + spelling.get().what()
                  + ", which Waymark reads as text; a number is expected here";
          hint =
              spelling
                  .get()
                  .instead()
                  .map(n -> "Write " + n + ".")
                  .orElse(
                      "Write the number itself: an amount, rate, score or count is a finite"
                          + " decimal number.");
          break;
        }
        Optional<Boolean> meant =
            node instanceof YamlScalar scalar && scalar.isString() && expectsBoolean(error)
                ? spelledBoolean(scalar.text())
                : Optional.empty();
        if (meant.isPresent()) {
          // A string that reads true or false could only have been quoted (YAML 1.2 reads it as a
          // boolean otherwise); yes, no, on, off, y and n are YAML 1.1's booleans.
          boolean quoted = scalar(node).equalsIgnoreCase(String.valueOf(meant.get()));
          message =
              where
                  + ": "
                  + written((YamlScalar) node)
                  + " is "
                  + (quoted ? "a boolean in quotes" : "YAML 1.1's spelling of " + meant.get())
                  + ", which Waymark reads as text; true or false is expected here";
          hint = "Write " + meant.get() + (quoted ? " without quotes." : ".");
          break;
        }
        message =
            where
                + ": "
                + (node instanceof YamlScalar scalar ? written(scalar) : error.shown())
                + " has the wrong type: "
                + error.message();
        hint =
            expectsBoolean(error)
                ? "Write true or false, without quotes."
                : "Quote text, write numbers without quotes or units, and dates as YYYY-MM-DD.";
      }
      case "pattern" -> {
        if (DATE_PATTERN.equals(error.schemaText()) && error.text() != null) {
          String text = error.text();
          message =
              where
                  + ": "
                  + error.shown()
                  + (LEADING_ZERO_YEAR.matcher(text).matches()
                      ? " has the year " + text.substring(0, 4) + ", written with a leading zero"
                      : " is not a date written YYYY-MM-DD");
          hint = DateSpelling.instead(text).map(d -> "Write " + d + ".").orElse(DATE_HINT);
          break;
        }
        String pattern = error.schemaText();
        // A bundled schema's pattern is said in words; only a pattern Waymark does not know (a
        // schema of the user's) is shown as the regular expression it is.
        message =
            where
                + ": "
                + error.shown()
                + expected(pattern)
                    .map(words -> " is not " + words)
                    .orElse(" does not match " + pattern);
        hint = patternHint(pattern);
      }
      case "maxLength" -> {
        String bound = error.schemaText();
        message =
            where
                + ": "
                + (error.text() != null
                    ? String.format(
                            Locale.ROOT,
                            "is %,d characters long",
                            error.text().codePointCount(0, error.text().length()))
                        + ", more than the "
                        + bound
                        + " allowed"
                    : "is longer than the " + bound + " characters allowed");
        hint =
            "Shorten it to at most "
                + bound
                + " characters: a title or name heads sections and table rows of the reports;"
                + " the detail belongs in a longer field such as the description.";
      }
      default -> {
        message = where + ": " + error.message();
        hint = "Fix the value so that it satisfies the schema ('" + keyword + "').";
      }
    }
    return new Finding(RULE, Severity.ERROR, location, message, hint);
  }

  /**
   * The hint for a value that fails a pattern, told by the pattern itself rather than by the
   * field's name: a metric reference ({@code spec.metrics[0]}, a criterion's {@code metric}) is an
   * id although its field is not called id, and got the hint for dates.
   */
  static String patternHint(String pattern) {
    Worded worded = BUNDLED_PATTERNS.get(pattern);
    return worded == null
        ? "Write a value that matches the pattern shown (see `waymark schema`)."
        : worded.hint();
  }

  /**
   * What a pattern of the bundled schemas asks for, in words with an example ("an id: lower-case
   * letters, digits and '-' ..."); empty for any other pattern, which a message then shows as it
   * is. The date pattern is worded where its finding is made.
   */
  static Optional<String> expected(String pattern) {
    return Optional.ofNullable(BUNDLED_PATTERNS.get(pattern)).map(Worded::expected);
  }

  /** The pattern of every id in the bundled schemas ({@code common.schema.json#/$defs/id}). */
  static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";

  /** The pattern of a rule id ({@code common.schema.json#/$defs/ruleId}). */
  static final String RULE_ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

  /** The pattern of the currency in waymark.yaml. */
  static final String CURRENCY_PATTERN = "^[A-Z]{3}$";

  /** The pattern of a suppression's JSON Pointer in waymark.yaml. */
  static final String POINTER_PATTERN = "^(/([^~]|~[01])*)*$";

  /** The pattern of a gate criterion's fact in roadmap.schema.json. */
  static final String FACT_PATTERN = "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9][A-Za-z0-9-]*)+$";

  /** A date's month and day as the bundled schemas' pattern writes them. */
  private static final String MONTH_DAY = "-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

  /** The pattern of every date in the bundled schemas ({@code common.schema.json#/$defs/date}). */
  static final String DATE_PATTERN = "^[1-9][0-9]{3}" + MONTH_DAY + "$";

  /** A date but for its year's leading zero ({@code 0207-04-30}, a slip for 2027). */
  private static final java.util.regex.Pattern LEADING_ZERO_YEAR =
      java.util.regex.Pattern.compile("0[0-9]{3}" + MONTH_DAY);

  private static final String DATE_HINT =
      "Write the date as YYYY-MM-DD with a year from 1000 to 9999 and two-digit month and day,"
          + " e.g. 2027-03-31.";

  /** True when the schema of a type error asks for a number or an integer. */
  private static boolean expectsBoolean(SchemaFailure error) {
    String type = error.schemaJson();
    return type != null && type.contains("boolean");
  }

  /** The boolean a text spells (true, yes, on, y; false, no, off, n; any case), if any. */
  private static Optional<Boolean> spelledBoolean(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on", "y" -> Optional.of(true);
      case "false", "no", "off", "n" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static String scalar(YamlNode node) {
    return ((YamlScalar) node).text().strip();
  }

  private static boolean expectsNumber(SchemaFailure error) {
    String types = error.schemaJson();
    return types != null && (types.contains("number") || types.contains("integer"));
  }

  private static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.append('/').append(YamlNode.escape(String.valueOf(path.getElement(i))));
    }
    return out.toString();
  }

  private static String show(JsonNode node) {
    if (node == null) {
      return "value";
    }
    return node.isString()
        ? SchemaFailure.quoted(node.asString())
        : SchemaFailure.shortened(node.toString());
  }

  /** A const's value as a message shows it. */
  private static String shownSchema(SchemaFailure error) {
    if (error.schemaJson() == null) {
      return "value";
    }
    return error.schemaJson().startsWith("\"")
        ? SchemaFailure.quoted(error.schemaText())
        : SchemaFailure.shortened(error.schemaJson());
  }

  private static String allowed(SchemaFailure error) {
    return error.allowed() == null ? "the allowed values" : String.join(", ", error.allowed());
  }

  /** A pattern of the bundled schemas in words: what it asks for, and how to write a value. */
  private record Worded(String expected, String hint) {}

  /**
   * Every pattern of the bundled schemas, worded (PatternMessageTest, PatternHintTest); after the
   * patterns, which it reads as the class is initialised.
   */
  private static final Map<String, Worded> BUNDLED_PATTERNS =
      Map.of(
          SchemaCheck.ID_PATTERN,
          new Worded(
              "an id: 2 to 63 lower-case letters, digits and '-', starting with a letter or digit,"
                  + " e.g. 'gpu-cluster'",
              "Write an id: lower-case words joined by '-' (letters, digits and '-', 2 to 63"
                  + " characters, starting with a letter or digit), e.g. cost-per-inference."),
          SchemaCheck.RULE_ID_PATTERN,
          new Worded(
              "a rule id: lower-case words of letters and digits joined by single hyphens,"
                  + " starting with a letter, e.g. 'budget-split'",
              "Write a rule id as `waymark rules` lists it: lower-case words joined by '-', e.g."
                  + " budget-split."),
          SchemaCheck.CURRENCY_PATTERN,
          new Worded(
              "a currency code: three capital letters (ISO 4217), e.g. 'EUR'",
              "Write the ISO 4217 code of the currency in capitals, e.g. EUR."),
          SchemaCheck.POINTER_PATTERN,
          new Worded(
              "a JSON Pointer: each name after a '/', with '~' written ~0 and '/' written ~1,"
                  + " e.g. '/spec/phases/0'",
              "Write a JSON Pointer such as /spec/phases/0, starting with '/'; write '~' in a name"
                  + " as ~0 and '/' as ~1."),
          SchemaCheck.FACT_PATTERN,
          new Worded(
              "a fact: a name, then one or more '.'-separated parts of letters, digits and '-',"
                  + " e.g. 'useCases.production'",
              "Write a fact Waymark computes, e.g. useCases.production or metrics.<id>.changePct"
                  + " (see `waymark schema --kind Roadmap`)."),
          SchemaCheck.DATE_PATTERN,
          new Worded("a date written YYYY-MM-DD, e.g. '2027-03-31'", SchemaCheck.DATE_HINT));
}
