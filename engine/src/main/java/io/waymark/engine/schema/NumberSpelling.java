package io.waymark.engine.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * What a text written where the schema expects a number most likely meant, and the decimal number
 * to write instead: YAML 1.2's hexadecimal ({@code 0x10}) and octal ({@code 0o17}) integers and its
 * {@code .inf} and {@code .nan}, which Waymark reads as text on purpose (no amount, score or rate
 * is infinite, and a plan is reviewed by people who read decimals); YAML 1.1's digit separators
 * ({@code 1_000}); a leading zero ({@code 0100}, octal 64 in YAML 1.1, 100 in YAML 1.2); thousands
 * separators, currency signs and units ({@code 300,000}, {@code $1.5M}, {@code 15%}); a quoted
 * number. Asked only for a schema error (a text where a number is expected), never while reading.
 *
 * @param what what the text is, for the message ("a hexadecimal number")
 * @param instead the decimal number to write, when one is certain
 */
record NumberSpelling(String what, Optional<String> instead) {

  /** Longer texts are not looked at: no amount has so many characters. */
  private static final int MAX_LENGTH = 60;

  /** The spelling of {@code text}, a string where a number is expected; empty when not known. */
  static Optional<NumberSpelling> of(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String sign = t.startsWith("-") ? "-" : "";
    String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
    String lower = unsigned.toLowerCase(Locale.ROOT);
    if (lower.equals(".inf")) {
      return Optional.of(
          new NumberSpelling(
              "YAML's " + (sign.isEmpty() ? "" : "negative ") + "infinity", Optional.empty()));
    }
    if (lower.equals(".nan")) {
      return Optional.of(new NumberSpelling("YAML's 'not a number'", Optional.empty()));
    }
    if (lower.startsWith("0x") && hasOnly(lower.substring(2), "0123456789abcdef")) {
      return Optional.of(
          new NumberSpelling("a hexadecimal number", integer(sign, lower.substring(2), 16)));
    }
    if (lower.startsWith("0o") && hasOnly(lower.substring(2), "01234567")) {
      return Optional.of(
          new NumberSpelling("an octal number", integer(sign, lower.substring(2), 8)));
    }
    if (lower.startsWith("0b") && lower.length() > 2 && hasOnly(lower.substring(2), "01")) {
      // YAML 1.1's binary integer ("0b101"), which the finding named only as "a string".
      return Optional.of(
          new NumberSpelling(
              "a binary number (YAML 1.1; YAML 1.2 has none)",
              integer(sign, lower.substring(2), 2)));
    }
    Optional<BigDecimal> plain = decimal(t);
    if (plain.isPresent()) {
      if (unsigned.length() > 1 && unsigned.charAt(0) == '0' && unsigned.charAt(1) != '.') {
        return Optional.of(
            new NumberSpelling(
                "a number with a leading zero (YAML 1.1 reads such numbers as octal, YAML 1.2 as"
                    + " decimal)",
                Optional.of(plain.get().toPlainString())));
      }
      if (unsigned.endsWith(".") || unsigned.startsWith(".")) {
        return Optional.of(
            new NumberSpelling(
                "a number with no digit "
                    + (unsigned.startsWith(".") ? "before" : "after")
                    + " its decimal point",
                Optional.of(
                    unsigned.endsWith(".")
                        ? t.substring(t.startsWith("+") ? 1 : 0, t.length() - 1)
                        : plain.get().toPlainString())));
      }
      return Optional.of(
          new NumberSpelling("a number in quotes", Optional.of(plain.get().toPlainString())));
    }
    if (unsigned.indexOf('_') > 0) {
      Optional<BigDecimal> joined = decimal(sign + unsigned.replace("_", ""));
      if (joined.isPresent()) {
        return Optional.of(
            new NumberSpelling(
                "a number with '_' between its digits (YAML 1.1's separator; YAML 1.2 has none)",
                Optional.of(joined.get().toPlainString())));
      }
    }
    return formatted(t);
  }

  /**
   * A number written as for people: thousands separators, a currency sign or code, a percent sign,
   * a k or M for thousands or millions.
   */
  private static Optional<NumberSpelling> formatted(String t) {
    String rest = t;
    boolean currency = false;
    for (String mark : new String[] {"$", "€", "£", "USD", "EUR", "GBP", "CHF"}) {
      if (rest.startsWith(mark)) {
        rest = rest.substring(mark.length()).strip();
        currency = true;
      } else if (rest.endsWith(mark)) {
        rest = rest.substring(0, rest.length() - mark.length()).strip();
        currency = true;
      }
    }
    boolean percent = rest.endsWith("%");
    if (percent) {
      rest = rest.substring(0, rest.length() - 1).strip();
    }
    BigDecimal scale = BigDecimal.ONE;
    String multiple = "";
    if (rest.endsWith("k") || rest.endsWith("K")) {
      scale = BigDecimal.valueOf(1_000);
      multiple = "a k for thousands";
    } else if (rest.endsWith("M")) {
      scale = BigDecimal.valueOf(1_000_000);
      multiple = "an M for millions";
    }
    if (!multiple.isEmpty()) {
      rest = rest.substring(0, rest.length() - 1).strip();
    }
    boolean separators = rest.indexOf(',') >= 0;
    if (separators && !thousands(rest)) {
      return Optional.empty(); // 1,5 or 1,2,3: not a number of any one reading
    }
    Optional<BigDecimal> value = decimal(rest.replace(",", ""));
    if (value.isEmpty() || !(currency || percent || separators || !multiple.isEmpty())) {
      return Optional.empty();
    }
    StringBuilder what = new StringBuilder("a number with ");
    String and = "";
    if (currency) {
      what.append("a currency");
      and = " and ";
    }
    if (separators) {
      what.append(and).append("thousands separators");
      and = " and ";
    }
    if (!multiple.isEmpty()) {
      what.append(and).append(multiple);
      and = " and ";
    }
    if (percent) {
      what.append(and).append("a percent sign");
    }
    String number = value.get().multiply(scale).stripTrailingZeros().toPlainString();
    return Optional.of(new NumberSpelling(what.toString(), Optional.of(number)));
  }

  /** Digits in groups of three after the first comma: 1,000 and 12,345,678.5. */
  private static boolean thousands(String text) {
    String whole = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    int point = whole.indexOf('.');
    if (point >= 0) {
      whole = whole.substring(0, point);
    }
    String[] groups = whole.split(",", -1);
    if (groups[0].isEmpty() || groups[0].length() > 3) {
      return false;
    }
    for (int i = 1; i < groups.length; i++) {
      if (groups[i].length() != 3) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasOnly(String text, String digits) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (digits.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> integer(String sign, String digits, int radix) {
    return Optional.of(sign + new BigInteger(digits, radix).toString());
  }

  /** A decimal number, signed or not, with or without a fraction or exponent (Java's reading). */
  private static Optional<BigDecimal> decimal(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return Optional.empty();
      }
    }
    try {
      BigDecimal value = new BigDecimal(text.endsWith(".") ? text + "0" : text);
      return value.abs().compareTo(LIMIT) < 0 ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Beyond the range {@link NumberRange} allows, no number is offered. */
  private static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);
}
