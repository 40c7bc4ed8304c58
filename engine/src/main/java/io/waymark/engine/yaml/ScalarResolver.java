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

  /** The core schema's integers: the reference {@link #number} is tested against. */
  static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");

  /** The core schema's numbers: the reference {@link #number} is tested against. */
  static final Pattern FLOAT =
      Pattern.compile("[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+");

  /** Longer plain scalars are never numbers (no money amount or percentage has 100 digits). */
  static final int MAX_DIGITS = 100;

  private ScalarResolver() {}

  static YamlScalar plain(String text, int line, int column) {
    if (!text.isEmpty() && !mayResolve(text.charAt(0))) {
      return new YamlScalar(text, text, false, line, column); // most scalars: words, ids, dates
    }
    switch (text) {
      case "~", "null", "Null", "NULL", "" -> {
        return new YamlScalar(null, text, false, line, column);
      }
      case "true", "True", "TRUE" -> {
        return new YamlScalar(Boolean.TRUE, text, false, line, column);
      }
      case "false", "False", "FALSE" -> {
        return new YamlScalar(Boolean.FALSE, text, false, line, column);
      }
      default -> {}
    }
    if (text.length() > MAX_DIGITS) {
      // Parsing a huge integer is quadratic: such a value is no amount anyone plans with.
      return new YamlScalar(text, text, false, line, column);
    }
    int number = number(text);
    if (number == NOT_A_NUMBER) {
      return new YamlScalar(text, text, false, line, column);
    }
    SharedNumber known = sharedNumber(text);
    if (known != null) {
      return new YamlScalar(known.value, text, number == INTEGER, line, column);
    }
    BigDecimal value;
    if (number == INTEGER) {
      String digits = text.startsWith("+") ? text.substring(1) : text;
      value =
          digits.length() <= 18
              ? BigDecimal.valueOf(Long.parseLong(digits))
              : new BigDecimal(new BigInteger(digits));
    } else {
      try {
        value = new BigDecimal(text);
      } catch (NumberFormatException | ArithmeticException e) {
        // exponent out of range: keep the text rather than guess a value
        return new YamlScalar(text, text, false, line, column);
      }
    }
    keepNumber(text, value);
    return new YamlScalar(value, text, number == INTEGER, line, column);
  }

  /**
   * Numbers read lately, by their text: one {@link BigDecimal} for each short text that recurs
   * (scores, weights, percentages, years, amounts of a template), shared by every document read, as
   * {@link YamlReader#shared(String)} shares short texts. A large repository keeps about twenty
   * numbers per document in its models; most of them are a few recurring values, each a separate
   * object that every young collection copied. A small table without locks: each text has one place
   * by its hash, the one seen last wins, and threads that overwrite each other's entry only lose a
   * chance to share. A {@link BigDecimal} is immutable, so sharing one changes no result.
   */
  private static final SharedNumber[] SHARED_NUMBERS = new SharedNumber[1 << 11];

  /** Longer numbers rarely recur and are not shared. */
  private static final int MAX_SHARED_NUMBER = 24;

  /** A number and the text it was read from; final fields, so a racing reader sees both. */
  private record SharedNumber(String text, BigDecimal value) {}

  private static int numberSlot(String text) {
    int h = text.hashCode();
    return (h ^ (h >>> 16)) & (SHARED_NUMBERS.length - 1);
  }

  /** The number read before from the same text, or null. */
  private static SharedNumber sharedNumber(String text) {
    if (text.length() > MAX_SHARED_NUMBER) {
      return null;
    }
    SharedNumber known = SHARED_NUMBERS[numberSlot(text)];
    return known != null && known.text.equals(text) ? known : null;
  }

  private static void keepNumber(String text, BigDecimal value) {
    if (text.length() <= MAX_SHARED_NUMBER) {
      SHARED_NUMBERS[numberSlot(text)] = new SharedNumber(text, value);
    }
  }

  static final int NOT_A_NUMBER = 0;
  static final int INTEGER = 1;
  static final int DECIMAL = 2;

  /**
   * Whether {@code text} is an integer ({@code [-+]?(0|[1-9][0-9]*)}), another number of the core
   * schema ({@code [-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?|[-+]?\.[0-9]+}) or neither;
   * the two patterns, read by hand (no regular expression per scalar).
   */
  static int number(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    if (i < n && text.charAt(i) == '.') {
      int digits = digits(text, i + 1);
      return digits > 0 && i + 1 + digits == n ? DECIMAL : NOT_A_NUMBER;
    }
    if (i >= n || !isDigit(text.charAt(i))) {
      return NOT_A_NUMBER;
    }
    int whole = text.charAt(i) == '0' ? 1 : digits(text, i);
    i += whole;
    if (i == n) {
      return INTEGER;
    }
    if (text.charAt(i) == '.') {
      int fraction = digits(text, i + 1);
      if (fraction == 0) {
        return NOT_A_NUMBER;
      }
      i += 1 + fraction;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponent = digits(text, i);
      if (exponent == 0) {
        return NOT_A_NUMBER;
      }
      i += exponent;
    }
    return i == n ? DECIMAL : NOT_A_NUMBER;
  }

  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
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
