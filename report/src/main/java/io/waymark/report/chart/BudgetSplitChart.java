package io.waymark.report.chart;

import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.util.List;

/**
 * The budget split against 70-20-10: two stacked bars, the plan's shares of the initiative budgets
 * and the rule's, with each bucket's share written in its segment.
 */
public final class BudgetSplitChart {

  /** One bucket: its name, colour, planned share and target share (percent). */
  public record Bucket(String name, String colour, BigDecimal plannedPct, BigDecimal targetPct) {}

  private static final int WIDTH = 680;

  private BudgetSplitChart() {}

  public static String draw(String label, List<Bucket> buckets) {
    int height = 128;
    Svg svg = new Svg(WIDTH, height, "chart budget-split", label);
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (Bucket b : buckets) {
      parts.add(
          b.name()
              + " "
              + Wording.percent(b.plannedPct())
              + " of the plan (rule "
              + Wording.percent(b.targetPct())
              + ")");
    }
    svg.describe(String.join("; ", parts) + ".");
    double x0 = 110;
    double x1 = WIDTH - 8;
    svg.element("rect", "x", 0, "y", 0, "width", WIDTH, "height", height, "fill", "#ffffff");
    bar(svg, "Plan", 8, x0, x1, buckets, true);
    bar(svg, "70-20-10 rule", 48, x0, x1, buckets, false);
    double lx = x0;
    for (Bucket b : buckets) {
      svg.element(
          "rect", "x", lx, "y", 100, "width", 12, "height", 12, "rx", 2, "fill", b.colour());
      svg.text(b.name(), "x", lx + 17, "y", 110, "font-size", 11, "fill", Palette.INK);
      lx += 34 + b.name().length() * 6.3;
    }
    return svg.finish();
  }

  private static void bar(
      Svg svg, String name, double y, double x0, double x1, List<Bucket> buckets, boolean plan) {
    svg.text(
        name, "x", 0, "y", y + 21, "font-size", 12, "font-weight", "bold", "fill", Palette.INK);
    double x = x0;
    double total = 0;
    for (Bucket b : buckets) {
      total += (plan ? b.plannedPct() : b.targetPct()).doubleValue();
    }
    if (total <= 0) {
      svg.element("rect", "x", x0, "y", y, "width", x1 - x0, "height", 32, "fill", Palette.FAINT);
      svg.text(
          "no initiative budgets",
          "x",
          (x0 + x1) / 2,
          "y",
          y + 21,
          "font-size",
          11,
          "fill",
          Palette.MUTED,
          "text-anchor",
          "middle");
      return;
    }
    for (Bucket b : buckets) {
      BigDecimal pct = plan ? b.plannedPct() : b.targetPct();
      double w = pct.doubleValue() / total * (x1 - x0);
      if (w <= 0) {
        continue;
      }
      svg.titled(
          "rect",
          b.name() + ": " + Wording.percent(pct),
          "x",
          x,
          "y",
          y,
          "width",
          w,
          "height",
          32,
          "fill",
          b.colour(),
          "stroke",
          "#ffffff",
          "stroke-width",
          1);
      if (w >= 44) {
        svg.text(
            Wording.percent(pct),
            "x",
            x + w / 2,
            "y",
            y + 21,
            "font-size",
            12,
            "font-weight",
            "bold",
            "fill",
            "#ffffff",
            "text-anchor",
            "middle");
      }
      x += w;
    }
  }
}
