package io.waymark.engine.analysis;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.model.BusinessCase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed in a business case's figures between two versions: cost lines (summed per category),
 * and their amounts by year, contingency and what it is added to, benefits (matched by description,
 * then by position) with their amounts by year, and financials (discount rate, horizon, declared
 * figures).
 */
public final class CaseEdits {

  private CaseEdits() {}

  /** The sections of a case whose figures are compared; {@code pointer} is relative to it. */
  public enum Section {
    COSTS("costs", "spec/costs"),
    CONTINGENCY("contingencyPct", "spec/contingencyPct"),
    BENEFITS("benefits", "spec/benefits"),
    FINANCIALS("financials", "spec/financials");

    private final String label;
    private final String pointer;

    Section(String label, String pointer) {
      this.label = label;
      this.pointer = pointer;
    }

    public String label() {
      return label;
    }

    public String pointer() {
      return pointer;
    }
  }

  /**
   * One changed figure.
   *
   * @param item what the figure belongs to ("compute", a benefit's kpi or description; empty for a
   *     section-level figure)
   * @param field the figure ("annual", "oneOff", "discountRatePct", "declared npv")
   * @param money true when the figure is an amount in the plan's currency
   */
  public record Edit(
      Section section,
      String item,
      String field,
      Optional<BigDecimal> before,
      Optional<BigDecimal> after,
      boolean money) {

    /** "compute annual 120,000.00 → 150,000.00 EUR", "support added (annual 10,000.00 EUR)". */
    public String describe(String currency) {
      String subject = (item.isEmpty() ? "" : item + " ") + field;
      if (before.isEmpty()) {
        return (item.isEmpty() ? field : item + " added: " + field)
            + (item.isEmpty() ? " added: " : " ")
            + format(after.get(), currency);
      }
      if (after.isEmpty()) {
        return (item.isEmpty() ? field : item + " removed: " + field)
            + (item.isEmpty() ? " removed, was " : " was ")
            + format(before.get(), currency);
      }
      if (money) {
        return subject
            + " "
            + Numbers.money(before.get(), currency).replace(" " + currency, "")
            + " → "
            + Numbers.money(after.get(), currency);
      }
      return subject + " " + Numbers.plain(before.get()) + " → " + Numbers.plain(after.get());
    }

    private String format(BigDecimal value, String currency) {
      return money ? Numbers.money(value, currency) : Numbers.plain(value);
    }
  }

  /** Every changed figure, in section order. */
  public static List<Edit> between(BusinessCase before, BusinessCase after) {
    List<Edit> out = new ArrayList<>();
    costs(before, after, out);
    compare(
        out,
        Section.CONTINGENCY,
        "",
        "contingencyPct",
        Optional.of(before.contingencyPct()),
        Optional.of(after.contingencyPct()),
        false);
    compare(
        out,
        Section.CONTINGENCY,
        "",
        "contingency on recurring costs (%)",
        Optional.of(recurringContingency(before)),
        Optional.of(recurringContingency(after)),
        false);
    benefits(before, after, out);
    BusinessCase.Financials f0 = before.financials();
    BusinessCase.Financials f1 = after.financials();
    compare(
        out,
        Section.FINANCIALS,
        "",
        "discountRatePct",
        Optional.of(f0.discountRatePct()),
        Optional.of(f1.discountRatePct()),
        false);
    compare(
        out,
        Section.FINANCIALS,
        "",
        "horizonYears",
        Optional.of(BigDecimal.valueOf(f0.horizonYears())),
        Optional.of(BigDecimal.valueOf(f1.horizonYears())),
        false);
    BusinessCase.Declared d0 = f0.declared();
    BusinessCase.Declared d1 = f1.declared();
    compare(out, Section.FINANCIALS, "declared", "roi", d0.roi(), d1.roi(), false);
    compare(out, Section.FINANCIALS, "declared", "npv", d0.npv(), d1.npv(), true);
    compare(out, Section.FINANCIALS, "declared", "irr", d0.irr(), d1.irr(), false);
    compare(
        out,
        Section.FINANCIALS,
        "declared",
        "paybackMonths",
        d0.paybackMonths(),
        d1.paybackMonths(),
        false);
    return out;
  }

  private static void costs(BusinessCase before, BusinessCase after, List<Edit> out) {
    Map<String, BigDecimal[]> old = costsByCategory(before);
    Map<String, BigDecimal[]> now = costsByCategory(after);
    List<String> categories = new ArrayList<>(old.keySet());
    now.keySet().stream().filter(c -> !old.containsKey(c)).forEach(categories::add);
    for (String category : categories) {
      BigDecimal[] o = old.get(category);
      BigDecimal[] n = now.get(category);
      for (int i = 0; i < 2; i++) {
        Optional<BigDecimal> b = part(o, i);
        Optional<BigDecimal> a = part(n, i);
        if ((o == null || n == null) && b.or(() -> a).orElseThrow().signum() == 0) {
          continue; // a category added or removed: name only the parts it has
        }
        compare(out, Section.COSTS, category, i == 0 ? "oneOff" : "annual", b, a, true);
      }
      if (o != null && n != null) {
        int years = Math.max(listedYears(before, category), listedYears(after, category));
        for (int t = 1; t <= years; t++) {
          compare(
              out,
              Section.COSTS,
              category,
              "year " + t,
              Optional.of(costInYear(before, category, t)),
              Optional.of(costInYear(after, category, t)),
              true);
        }
      }
    }
  }

  /** The contingency added to the recurring costs: none unless it is declared on the total. */
  private static BigDecimal recurringContingency(BusinessCase bc) {
    return bc.contingencyOn() == BusinessCase.ContingencyBasis.TOTAL
        ? bc.contingencyPct()
        : BigDecimal.ZERO;
  }

  /** How many years the {@code byYear} amounts of a category's lines cover. */
  private static int listedYears(BusinessCase bc, String category) {
    return bc.costs().stream()
        .filter(c -> c.category().equals(category))
        .mapToInt(c -> c.byYear().size())
        .max()
        .orElse(0);
  }

  private static BigDecimal costInYear(BusinessCase bc, String category, int year) {
    return bc.costs().stream()
        .filter(c -> c.category().equals(category))
        .map(c -> c.inYear(year))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** A category's sum of one-off (0) or annual (1) amounts; empty when the category is absent. */
  private static Optional<BigDecimal> part(BigDecimal[] sums, int i) {
    return sums == null ? Optional.empty() : Optional.of(sums[i]);
  }

  private static Map<String, BigDecimal[]> costsByCategory(BusinessCase bc) {
    Map<String, BigDecimal[]> out = new LinkedHashMap<>();
    for (BusinessCase.Cost c : bc.costs()) {
      BigDecimal[] sums =
          out.computeIfAbsent(
              c.category(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(c.oneOff());
      sums[1] = sums[1].add(c.annual());
    }
    return out;
  }

  private static void benefits(BusinessCase before, BusinessCase after, List<Edit> out) {
    List<BusinessCase.Benefit> old = new ArrayList<>(before.benefits());
    List<BusinessCase.Benefit> now = new ArrayList<>(after.benefits());
    List<BusinessCase.Benefit[]> pairs = new ArrayList<>();
    for (BusinessCase.Benefit n : List.copyOf(now)) {
      for (BusinessCase.Benefit o : old) {
        if (text(o).equals(text(n))) {
          pairs.add(new BusinessCase.Benefit[] {o, n});
          old.remove(o);
          now.remove(n);
          break;
        }
      }
    }
    // Reworded benefits: pair what is left by position.
    while (!old.isEmpty() && !now.isEmpty()) {
      pairs.add(new BusinessCase.Benefit[] {old.remove(0), now.remove(0)});
    }
    for (BusinessCase.Benefit[] p : pairs) {
      String label = label(p[1]);
      compare(
          out,
          Section.BENEFITS,
          label,
          "annual",
          Optional.of(p[0].annual()),
          Optional.of(p[1].annual()),
          true);
      int years = Math.max(p[0].byYear().size(), p[1].byYear().size());
      for (int t = 1; t <= years; t++) {
        compare(
            out,
            Section.BENEFITS,
            label,
            "year " + t,
            Optional.of(p[0].inYear(t)),
            Optional.of(p[1].inYear(t)),
            true);
      }
      compare(out, Section.BENEFITS, label, "baseline", p[0].baseline(), p[1].baseline(), false);
      compare(out, Section.BENEFITS, label, "target", p[0].target(), p[1].target(), false);
    }
    for (BusinessCase.Benefit o : old) {
      out.add(
          new Edit(
              Section.BENEFITS,
              label(o),
              "annual",
              Optional.of(o.annual()),
              Optional.empty(),
              true));
    }
    for (BusinessCase.Benefit n : now) {
      out.add(
          new Edit(
              Section.BENEFITS,
              label(n),
              "annual",
              Optional.empty(),
              Optional.of(n.annual()),
              true));
    }
  }

  private static String text(BusinessCase.Benefit b) {
    return b.description().strip().replaceAll("\\s+", " ");
  }

  /** A benefit's name in messages: its kpi, else the start of its description. */
  private static String label(BusinessCase.Benefit b) {
    if (b.kpi().isPresent() && !b.kpi().get().isBlank()) {
      return "benefit " + b.kpi().get();
    }
    String text = text(b);
    return "benefit '" + (text.length() > 40 ? text.substring(0, 39) + "…" : text) + "'";
  }

  private static void compare(
      List<Edit> out,
      Section section,
      String item,
      String field,
      Optional<BigDecimal> before,
      Optional<BigDecimal> after,
      boolean money) {
    if (before.isEmpty() && after.isEmpty()) {
      return;
    }
    if (before.isPresent() && after.isPresent() && before.get().compareTo(after.get()) == 0) {
      return;
    }
    if (Objects.equals(before, after)) {
      return;
    }
    out.add(new Edit(section, item, field, before, after, money));
  }
}
