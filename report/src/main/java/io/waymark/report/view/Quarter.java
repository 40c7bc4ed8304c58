package io.waymark.report.view;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2027-Q2}: the period a quarterly business review covers.
 *
 * @param year the calendar year
 * @param number 1 to 4
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {

  private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-Q([1-4])");

  public Quarter {
    if (number < 1 || number > 4) {
      throw new IllegalArgumentException("a quarter is numbered 1 to 4, not " + number);
    }
  }

  /** Parses {@code YYYY-Qn}. */
  public static Quarter parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a quarter; write it as YYYY-Qn, for example 2027-Q2");
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The quarter that contains {@code date}. */
  public static Quarter containing(LocalDate date) {
    return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  /** The first day of the quarter. */
  public LocalDate start() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  /** The last day of the quarter. */
  public LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start()) && !date.isAfter(end());
  }

  public Quarter previous() {
    return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
  }

  public Quarter next() {
    return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
  }

  /**
   * {@code 2027-Q2}: file names and the command line. The year has four digits, as {@link #parse}
   * reads it ({@code 0500-Q1}, never {@code 500-Q1}), so a quarter always reads back as itself.
   */
  public String id() {
    return fourDigits() + "-Q" + number;
  }

  /** {@code Q2 2027}: headings. */
  public String label() {
    return "Q" + number + " " + fourDigits();
  }

  /** The year as a date of a roadmap file writes it: at least four digits. */
  private String fourDigits() {
    String digits = Integer.toString(Math.abs(year));
    return (year < 0 ? "-" : "") + "0".repeat(Math.max(0, 4 - digits.length())) + digits;
  }

  @Override
  public int compareTo(Quarter other) {
    return year != other.year
        ? Integer.compare(year, other.year)
        : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return id();
  }
}
