package io.waymark.report.view;

import io.waymark.report.text.Wording;
import java.math.BigDecimal;

/** A metric value written with its unit: "97.8%", "EUR 4.21", "38 days", "86 ms", "level 2". */
final class MetricValue {

  private MetricValue() {}

  static boolean isPercent(String unit) {
    return unit != null && unit.trim().equals("%");
  }

  static String of(BigDecimal value, String unit, String currency) {
    String u = unit == null ? "" : unit.trim();
    if (u.equals("%")) {
      return Wording.number(value, 1) + "%";
    }
    if (u.equalsIgnoreCase(currency) || u.matches("[A-Z]{3}")) {
      return Wording.money(value, u);
    }
    if (u.equals("level")) {
      return "level " + Wording.number(value, 1);
    }
    if (u.isEmpty()) {
      return Wording.number(value, 2);
    }
    return Wording.number(value, 2) + " " + u;
  }
}
