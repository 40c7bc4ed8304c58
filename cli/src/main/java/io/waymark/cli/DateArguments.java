package io.waymark.cli;

import io.waymark.report.view.Quarter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The dates and quarters written on the command line ({@code --as-of}, {@code init --start}, {@code
 * --quarter}), each checked the same way: the form a roadmap file uses ({@code YYYY-MM-DD}, {@code
 * YYYY-Qn}, four digits, no sign) and a year from {@value #FIRST_YEAR} to {@value #LAST_YEAR}. A
 * year written with a leading zero ({@code 0000-Q1}, {@code 0207-05-14} for 2027) is a slip, not a
 * quarter anybody reviews: it is a usage error that says what to write, never a report of the year
 * 0 named {@code qbr-0-Q1}.
 */
final class DateArguments {

  /** The first year a date or quarter of the command line may name. */
  static final int FIRST_YEAR = 1000;

  /** The last year: a roadmap file's dates have four-digit years. */
  static final int LAST_YEAR = 9999;

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private DateArguments() {}

  /**
   * The date {@code text} names, or a usage error naming {@code option} and the form to write.
   *
   * @param option the option as the user writes it, e.g. {@code --as-of}
   */
  static LocalDate date(String option, String text) {
    LocalDate date = calendarDate(text);
    if (date == null) {
      throw new UserError(option + " '" + text + "' " + whyNotADate(text));
    }
    if (date.getYear() < FIRST_YEAR) {
      throw yearOutOfRange(option, text, "the date as YYYY-MM-DD", "e.g. 2027-05-14");
    }
    return date;
  }

  /**
   * The date of the plain form {@code YYYY-MM-DD} only (not {@code +10000-01-01} or {@code
   * -0001-01-01}, which {@link LocalDate#parse} takes); null for anything else, 2027-02-30 too.
   */
  private static LocalDate calendarDate(String text) {
    if (!DATE.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException notOnTheCalendar) {
      return null;
    }
  }

  private static final Pattern SHORT_DATE = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");

  /**
   * What is wrong with a text that is not a date, and what to write: a date of the right form off
   * the calendar names its month's length (it is written YYYY-MM-DD, the day is what is wrong); one
   * with digits left out gets the date it means.
   */
  private static String whyNotADate(String text) {
    java.util.regex.Matcher m = SHORT_DATE.matcher(text);
    if (!m.matches()) {
      return "is not a date; write it as YYYY-MM-DD";
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12) {
      return "is not a calendar date: there is no month " + month;
    }
    java.time.YearMonth yearMonth = java.time.YearMonth.of(year, month);
    if (day < 1 || day > yearMonth.lengthOfMonth()) {
      return day < 1
          ? "is not a calendar date: there is no day " + day
          : "is not a calendar date: " + yearMonth + " has " + yearMonth.lengthOfMonth() + " days";
    }
    return "is not a date written YYYY-MM-DD; write " + yearMonth.atDay(day);
  }

  /** The quarter {@code text} names ({@code --quarter}), or a usage error saying what to write. */
  static Quarter quarter(String text) {
    Quarter quarter;
    try {
      quarter = Quarter.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError("--quarter " + e.getMessage());
    }
    if (quarter.year() < FIRST_YEAR) {
      throw yearOutOfRange("--quarter", text, "it as YYYY-Qn", "for example 2027-Q2");
    }
    return quarter;
  }

  /** "OPTION 'TEXT' names the year 0000; write FORM with a year from 1000 to 9999, EXAMPLE". */
  private static UserError yearOutOfRange(String option, String text, String form, String example) {
    return new UserError(
        option
            + " '"
            + text
            + "' names the year "
            + text.strip().substring(0, 4)
            + "; write "
            + form
            + " with a year from "
            + FIRST_YEAR
            + " to "
            + LAST_YEAR
            + ", "
            + example);
  }
}
