package io.waymark.engine.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YYYY-MM-DD date a text written where the schema expects one stands for, when it can be told
 * for certain: {@code 2027-3-1} (digits left out), {@code 2027/03/01}, {@code 2027.03.01}, or a
 * timestamp such as {@code 2027-03-31T10:00:00Z} (a plan's dates have no time of day). {@code
 * 03/02/2027} is not offered: day and month cannot be told apart, nor a year written with a leading
 * zero ({@code 0207-04-30}): which year was meant cannot be told.
 */
final class DateSpelling {

  private static final Pattern YEAR_FIRST =
      Pattern.compile(
          "([1-9][0-9]{3})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})([T ][0-9:.]+(Z|[+-][0-9:]+)?)?");

  private DateSpelling() {}

  /** The date to write instead of {@code text}, or empty. */
  static Optional<String> instead(String text) {
    Matcher m = YEAR_FIRST.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)))
              .toString());
    } catch (DateTimeException e) {
      return Optional.empty(); // 2027-13-01: no such date to offer
    }
  }
}
