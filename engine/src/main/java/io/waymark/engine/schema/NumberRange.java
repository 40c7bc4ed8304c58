package io.waymark.engine.schema;

import java.math.BigDecimal;

/**
 * The numbers Waymark reads: below 10^15 in magnitude, with at most 30 decimal places. Money,
 * percentages, scores and counts all fit by far; beyond it a number is a schema finding, so that
 * {@code 1e400} or {@code 1e-999999999} never reaches arithmetic that would take a huge amount of
 * memory or time, and no integer is ever wrapped.
 */
final class NumberRange {

  static final int MAX_INTEGER_DIGITS = 15;
  static final int MAX_DECIMALS = 30;

  /** What the schema validator sees instead of a number that is too large. */
  static final long CLAMP = 1_000_000_000_000_000L;

  private NumberRange() {}

  static boolean readable(BigDecimal d) {
    return integerDigits(d) <= MAX_INTEGER_DIGITS && d.scale() <= MAX_DECIMALS;
  }

  /** Digits before the decimal point (0 for |d| < 1); exact for any scale. */
  static long integerDigits(BigDecimal d) {
    return d.signum() == 0 ? 0 : (long) d.precision() - d.scale();
  }

  static String rule() {
    return "numbers must be below 10^"
        + MAX_INTEGER_DIGITS
        + " in magnitude, with at most "
        + MAX_DECIMALS
        + " decimal places";
  }
}
