package io.waymark.engine.gate;

import io.waymark.engine.model.Gate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a gate criterion's description states, against its target: "Data-pipeline SLA above
 * 99 %" with {@code target: 93.7} contradicts it. Used by {@code criterion-description-mismatch}
 * and by the reports, which then show the target as the truth.
 */
public final class DescribedTarget {

  /** ISO dates, years and ranges such as 70-20-10: numbers, but never a criterion's target. */
  private static final Pattern NOT_A_TARGET =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\b(?:19|20)\\d{2}\\b|\\d+(?:-\\d+)+");

  /** A number on its own: not part of a name such as p95, phase-1, Q3 or v2.1. */
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\p{L}\\d.,-])\\d+(?:[.,]\\d+)?(?![\\p{L}\\d])");

  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("fifty", 50),
          Map.entry("hundred", 100));

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private DescribedTarget() {}

  /**
   * The numbers the description states when none of them is the criterion's target (nor the target
   * as a percentage); empty when they agree, or when the description states no number or the
   * criterion has no target.
   */
  public static List<BigDecimal> contradicted(Gate.Criterion c) {
    if (c.target().isEmpty()) {
      return List.of();
    }
    BigDecimal target = c.target().get().abs();
    List<BigDecimal> stated = numbers(c.description());
    return stated.stream().anyMatch(n -> same(n, target)) ? List.of() : stated;
  }

  private static boolean same(BigDecimal stated, BigDecimal target) {
    return stated.compareTo(target) == 0
        || (target.compareTo(BigDecimal.ONE) <= 0
            && stated.compareTo(target.multiply(HUNDRED)) == 0);
  }

  /** The numbers a description states, in order (digits and number words). */
  public static List<BigDecimal> numbers(String description) {
    String text = NOT_A_TARGET.matcher(description).replaceAll(" ");
    List<BigDecimal> out = new ArrayList<>();
    Matcher n = NUMBER.matcher(text);
    while (n.find()) {
      String digits = n.group();
      // "1,000" is a thousand; "93,7" (a decimal comma) is 93.7.
      digits =
          digits.matches("\\d{1,3},\\d{3}") ? digits.replace(",", "") : digits.replace(',', '.');
      out.add(new BigDecimal(digits));
    }
    Matcher w = WORD.matcher(text);
    while (w.find()) {
      Integer value = WORDS.get(w.group().toLowerCase(Locale.ROOT));
      if (value != null) {
        out.add(BigDecimal.valueOf(value));
      }
    }
    return out;
  }
}
