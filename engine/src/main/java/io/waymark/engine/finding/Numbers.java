package io.waymark.engine.finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Formats the numbers that findings name, the same way everywhere and under any locale: money with
 * grouping and two decimals plus the currency ("231,465.86 EUR"), percentages with up to two
 * decimals ("84.67%").
 */
public final class Numbers {

  /**
   * Read once, on the first amount of money: building them is most of the cost of a format (the
   * format copies them), and loading the locale data they come from is a start-up cost that a run
   * naming no amount (every case in order) does not pay.
   */
  private static final class RootSymbols {
    static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
  }

  private Numbers() {}

  public static String money(BigDecimal amount, String currency) {
    DecimalFormat f = new DecimalFormat("#,##0.00", RootSymbols.SYMBOLS);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f.format(amount) + " " + currency;
  }

  public static String percent(BigDecimal value) {
    return plain(value) + "%";
  }

  /** A number with at most two decimals and no trailing zeros ("12.5", "80"). */
  public static String plain(BigDecimal value) {
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }
}
