package io.waymark.report.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Executive wording of numbers and dates: money with its currency and grouping ("EUR 273,338"),
 * dates in words ("14 May 2027"), signed changes ("−12.3%"). Locale-independent (English month
 * names, ASCII digits, comma grouping), so the same input gives the same bytes anywhere.
 */
public final class Wording {

  /** The minus sign used in signed figures (U+2212), which reads better than a hyphen. */
  public static final String MINUS = "\u2212";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DATE =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);

  private Wording() {}

  /** "14 May 2027". */
  public static String date(LocalDate date) {
    return DATE.format(date);
  }

  /** "14 May 2027" with a three-letter month, for tables and charts. */
  public static String shortDate(LocalDate date) {
    return SHORT_DATE.format(date);
  }

  /** "May 2027". */
  public static String month(LocalDate date) {
    return MONTH.format(date);
  }

  /**
   * Money with its currency in front: whole units from 1,000 on ("EUR 273,338"), cents below ("EUR
   * 4.21"), and nothing as "EUR 0".
   */
  public static String money(BigDecimal amount, String currency) {
    String sign = amount.signum() < 0 ? MINUS : "";
    BigDecimal abs = amount.abs();
    // Cents below 1,000 (EUR 2.95 per 1,000 inferences), none above; nothing is "EUR 0", as the
    // amounts beside it in a spend table are written, not "EUR 0.00".
    String pattern =
        abs.signum() == 0 || abs.compareTo(BigDecimal.valueOf(1000)) >= 0 ? "#,##0" : "#,##0.00";
    return sign + currency + " " + format(abs, pattern);
  }

  /**
   * Money in a few characters for chart labels: "EUR 2.4 bn", "EUR 1.8 M", "EUR 180 k", "EUR 950".
   * The unit is the one its rounded figure stays below a thousand of ("EUR 1 M", not "EUR 1000 k").
   */
  public static String compactMoney(BigDecimal amount, String currency) {
    String sign = amount.signum() < 0 ? MINUS : "";
    BigDecimal abs = amount.abs();
    String figure = format(abs, "0");
    String unit = "";
    String[][] units = {{"3", "0", " k"}, {"6", "0.#", " M"}, {"9", "0.#", " bn"}};
    for (String[] u : units) {
      if (abs.compareTo(BigDecimal.ONE.movePointRight(Integer.parseInt(u[0]))) < 0
          && !figure.equals("1000")) {
        break;
      }
      figure = format(abs.movePointLeft(Integer.parseInt(u[0])), u[1]);
      unit = u[2];
    }
    return sign + currency + " " + figure + unit;
  }

  /** A plain number with grouping and at most {@code decimals} decimals, no trailing zeros. */
  public static String number(BigDecimal value, int decimals) {
    String sign = value.signum() < 0 ? MINUS : "";
    return sign + format(value.abs(), "#,##0" + (decimals > 0 ? "." + "#".repeat(decimals) : ""));
  }

  /** A number with exactly {@code decimals} decimals ("4.0", "3.7"). */
  public static String fixed(BigDecimal value, int decimals) {
    String sign = value.setScale(decimals, RoundingMode.HALF_EVEN).signum() < 0 ? MINUS : "";
    return sign + format(value.abs(), "#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""));
  }

  /** "+12 pts" or "−3.5 pts": a change between two percentages, in percentage points. */
  public static String signedPoints(BigDecimal value) {
    if (value.setScale(1, RoundingMode.HALF_EVEN).signum() == 0) {
      return "0 pts";
    }
    return (value.signum() < 0 ? MINUS : "+") + number(value.abs(), 1) + " pts";
  }

  /** "84.3%" (one decimal at most). */
  public static String percent(BigDecimal value) {
    return number(value, 1) + "%";
  }

  /** "+12.3%" or "−12.3%" (one decimal at most); "0%" for no change. */
  public static String signedPercent(BigDecimal value) {
    String body = percent(value.abs());
    if (value.setScale(1, RoundingMode.HALF_EVEN).signum() == 0) {
      return "0%";
    }
    return (value.signum() < 0 ? MINUS : "+") + body;
  }

  /** "1 milestone", "2 milestones". */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** Capitalises the first letter ("in progress" to "In progress"). */
  public static String capitalised(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /** Lower-cases the first letter ("On track" to "on track"), to continue a sentence with it. */
  public static String uncapitalised(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  /**
   * A kebab-case or enum name as words: "constraint-removal" or "AT_RISK" to "constraint removal".
   */
  public static String words(String id) {
    return id.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
  }

  private static String format(BigDecimal value, String pattern) {
    DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f.format(value);
  }
}
