package io.waymark.report.view;

import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.spend.Burn;
import io.waymark.engine.spend.Spend;
import io.waymark.report.chart.BurnChart;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Actual spend against plan (issue 10 §1): the burn chart, spend by 70-20-10 bucket planned and
 * actual, and the initiatives that burn their budget fastest against their phase's delivery.
 */
final class SpendSection {

  /** Initiatives listed as the fastest burning. */
  static final int FASTEST = 5;

  private SpendSection() {}

  static QuarterlyReview.Spend of(Context c) {
    if (c.roadmap().isEmpty()) {
      return none(
          c.roadmapNotJudged()
              .map(why -> "There is no spend to show: " + why + ".")
              .orElse("There is no roadmap, so there is no spend to show."));
    }
    Roadmap roadmap = c.roadmap().get();
    Burn burn = Burn.of(roadmap, c.asOf());
    if (!burn.recorded()) {
      return none(
          "No initiative records actual spend up to "
              + Wording.date(c.asOf())
              + " (initiatives[].actuals in the roadmap).");
    }
    List<BurnChart.Month> chart = new ArrayList<>();
    List<QuarterlyReview.BurnMonth> rows = new ArrayList<>();
    for (Burn.Month m : burn.months()) {
      // The month in progress is planned to its end, but its actual spend is known only up to
      // the as-of date: the row says so rather than give that spend as the month's.
      boolean inProgress = m.actual().isPresent() && m.end().isAfter(c.asOf());
      String name =
          "Month "
              + m.number()
              + " (to "
              + Wording.shortDate(m.end())
              + (inProgress ? "; actual to " + Wording.shortDate(c.asOf()) : "")
              + ")";
      chart.add(
          new BurnChart.Month("M" + m.number(), name, m.planned(), m.actual(), m.delivered()));
      if (m.actual().isPresent()) {
        rows.add(
            new QuarterlyReview.BurnMonth(
                name,
                c.money(m.planned()),
                c.money(m.actual().get()),
                m.delivered().orElseThrow() + " of " + burn.milestones()));
      }
    }
    Burn.Month latest = burn.latest().orElseThrow();
    BigDecimal spent = latest.actual().orElseThrow();
    // A stopped initiative takes what it spent, as the budget split counts it.
    BigDecimal budgets = roadmap.allocatedBy(c.asOf());
    String summary =
        "By "
            + Wording.date(c.asOf())
            + " the programme has spent "
            + c.money(spent)
            + " against "
            + c.money(burn.plannedToDate())
            + " planned by then ("
            + Wording.percent(Spend.pct(spent, budgets))
            + " of the initiative budgets of "
            + c.money(budgets)
            + ") and delivered "
            + latest.delivered().orElseThrow()
            + " of its "
            + Wording.count(burn.milestones(), "milestone", "milestones")
            + ".";
    String svg =
        BurnChart.draw(
            "Burn chart: cumulative planned and actual spend by month, with milestones delivered",
            chart,
            burn.milestones(),
            c.currency());
    Fastest fastest = fastest(c, burn);
    return new QuarterlyReview.Spend(
        true, summary, svg, rows, buckets(c, roadmap), fastest.rows(), fastest.more(), "");
  }

  private static QuarterlyReview.Spend none(String note) {
    return new QuarterlyReview.Spend(
        false, "", "", List.of(), List.of(), List.of(), QuarterlyReview.More.NONE, note);
  }

  /** Budget and spend to date per 70-20-10 bucket, each as a share of its total. */
  private static List<QuarterlyReview.SpendBucket> buckets(Context c, Roadmap roadmap) {
    int n = Portfolio.BUCKETS.size();
    BigDecimal[] planned = new BigDecimal[n];
    BigDecimal[] actual = new BigDecimal[n];
    java.util.Arrays.fill(planned, BigDecimal.ZERO);
    java.util.Arrays.fill(actual, BigDecimal.ZERO);
    for (Initiative i : roadmap.initiatives()) {
      int k = Portfolio.bucket(i.category());
      planned[k] = planned[k].add(i.allocationBy(c.asOf()));
      actual[k] = actual[k].add(i.spentBy(c.asOf()));
    }
    BigDecimal plannedTotal = BigDecimal.ZERO;
    BigDecimal actualTotal = BigDecimal.ZERO;
    for (int k = 0; k < n; k++) {
      plannedTotal = plannedTotal.add(planned[k]);
      actualTotal = actualTotal.add(actual[k]);
    }
    List<QuarterlyReview.SpendBucket> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Portfolio.Bucket b = Portfolio.BUCKETS.get(k);
      out.add(
          new QuarterlyReview.SpendBucket(
              b.name(),
              b.target() + "%",
              c.money(planned[k]),
              Wording.percent(Spend.pct(planned[k], plannedTotal)),
              c.money(actual[k]),
              Wording.percent(Spend.pct(actual[k], actualTotal))));
    }
    return out;
  }

  /**
   * The {@link #FASTEST} initiatives that burn fastest, and how many more record spend. An
   * initiative that has spent without a budget comes first, the largest spend first: any spend is
   * beyond its budget, however far delivery has got (its share of the budget would read 0%).
   */
  private static Fastest fastest(Context c, Burn burn) {
    List<Burn.InitiativeBurn> ranked = new ArrayList<>(burn.initiatives());
    // Stable: the others keep the order Burn gives them (lead over delivery, then share spent).
    ranked.sort(
        Comparator.comparing((Burn.InitiativeBurn b) -> !unbudgeted(b))
            .thenComparing(
                (Burn.InitiativeBurn b) -> unbudgeted(b) ? b.spent().negate() : BigDecimal.ZERO));
    List<QuarterlyReview.BurningInitiative> out = new ArrayList<>();
    for (Burn.InitiativeBurn b : Shortlist.head(ranked, FASTEST)) {
      boolean unbudgeted = unbudgeted(b);
      Rag rag =
          unbudgeted || b.burnsAhead()
              ? Rag.RED
              : b.leadPoints().signum() > 0 ? Rag.AMBER : Rag.GREEN;
      out.add(
          new QuarterlyReview.BurningInitiative(
              Context.title(b.initiative().title(), b.initiative().id()),
              b.phase().name(),
              c.money(b.initiative().budget()),
              c.money(b.spent()),
              unbudgeted ? NO_BUDGET : Wording.percent(b.spentPct()),
              Wording.percent(b.delivered().pct())
                  + " ("
                  + b.delivered().done()
                  + " of "
                  + b.delivered().total()
                  + " milestones)",
              unbudgeted ? "spent without a budget" : Wording.signedPoints(b.leadPoints()),
              rag,
              unbudgeted));
    }
    QuarterlyReview.More more =
        Shortlist.more(
            ranked.size(),
            out.size(),
            "initiative that records spend",
            "initiatives that record spend",
            "they burn slower than those above; the roadmap has each initiative's budget and"
                + " actuals (initiatives[].budget and initiatives[].actuals), and rule budget-burn"
                + " names every one more than 15 points ahead of delivery");
    return new Fastest(out, more);
  }

  /** What the spent share of an initiative without a budget reads. */
  static final String NO_BUDGET = "no budget";

  private record Fastest(List<QuarterlyReview.BurningInitiative> rows, QuarterlyReview.More more) {}

  /** An initiative that has spent with a budget of zero. */
  private static boolean unbudgeted(Burn.InitiativeBurn b) {
    return b.initiative().budget().signum() <= 0 && b.spent().signum() > 0;
  }
}
