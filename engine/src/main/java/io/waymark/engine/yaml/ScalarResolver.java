package io.waymark.engine.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Resolves plain scalars the way YAML 1.2's core schema does, but stricter where the SPEC asks:
 * {@code NO}, {@code on}, {@code yes} stay strings (1.1 booleans), {@code 010} stays a string (no
 * octal or zero-padded numbers), {@code 1:20} stays a string (no sexagesimal), dates stay strings.
 */
final class ScalarResolver {

  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+");

  /** Longer plain scalars are never numbers (no money amount or percentage has 100 digits). */
  static final int MAX_DIGITS = 100;

  private ScalarResolver() {}

  static YamlScalar plain(String text, int line, int column) {
    if (!text.isEmpty() && !mayResolve(text.charAt(0))) {
      return new YamlScalar(text, text, false, line, column); // most scalars: words, ids, dates
    }
    if (NULL.matcher(text).matches()) {
      return new YamlScalar(null, text, false, line, column);
    }
    if (TRUE.matcher(text).matches()) {
      return new YamlScalar(Boolean.TRUE, text, false, line, column);
    }
    if (FALSE.matcher(text).matches()) {
      return new YamlScalar(Boolean.FALSE, text, false, line, column);
    }
    if (text.length() > MAX_DIGITS) {
      // Parsing a huge integer is quadratic: such a value is no amount anyone plans with.
      return new YamlScalar(text, text, false, line, column);
    }
    if (INT.matcher(text).matches()) {
      String digits = text.startsWith("+") ? text.substring(1) : text;
      return new YamlScalar(new BigDecimal(new BigInteger(digits)), text, true, line, column);
    }
    if (FLOAT.matcher(text).matches()) {
      try {
        return new YamlScalar(new BigDecimal(text), text, false, line, column);
      } catch (NumberFormatException | ArithmeticException e) {
        // exponent out of range: keep the text rather than guess a value
        return new YamlScalar(text, text, false, line, column);
      }
    }
    return new YamlScalar(text, text, false, line, column);
  }

  /** Only these first characters can start null, a boolean or a number. */
  private static boolean mayResolve(char c) {
    return c == '~'
        || c == 'n'
        || c == 'N'
        || c == 't'
        || c == 'T'
        || c == 'f'
        || c == 'F'
        || c == '-'
        || c == '+'
        || c == '.'
        || (c >= '0' && c <= '9');
  }

  static YamlScalar tagged(String tag, String text, int line, int column) throws YamlProblem {
    switch (tag) {
      case "tag:yaml.org,2002:str", "!":
        return new YamlScalar(text, text, false, line, column);
      case "tag:yaml.org,2002:null",
      "tag:yaml.org,2002:bool",
      "tag:yaml.org,2002:int",
      "tag:yaml.org,2002:float":
        YamlScalar s = plain(text, line, column);
        String expected = tag.substring(tag.lastIndexOf(':') + 1);
        boolean ok =
            switch (expected) {
              case "null" -> s.isNull();
              case "bool" -> s.isBoolean();
              case "int" -> s.integer();
              default -> s.isNumber();
            };
        if (!ok) {
          throw new YamlProblem(
              "'" + text + "' is not a valid !!" + expected,
              line,
              column,
              "Remove the tag or write a value of that type.");
        }
        return s;
      default:
        throw unsafeTag(tag, line, column);
    }
  }

  static YamlProblem unsafeTag(String tag, int line, int column) {
    return new YamlProblem(
        "tag '" + tag + "' is not allowed: Waymark reads plain YAML data only",
        line,
        column,
        "Remove the tag; only the standard tags (!!str, !!int, !!float, !!bool, !!null, !!map,"
            + " !!seq) are accepted.");
  }
}
