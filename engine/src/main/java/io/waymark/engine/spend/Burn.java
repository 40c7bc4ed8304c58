package io.waymark.engine.spend;

import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The programme's spend over time against its plan and its delivery (issue 10 §1), as the burn
 * chart and the fastest-burning list of the reports show it.
 *
 * <p>The plan spreads each initiative's budget evenly over the months of its phase; planned spend
 * by the end of a month is the sum of those shares, rounded to cents. Actual spend by the end of a
 * month is the sum of the {@code actuals} dated on or before it (and on or before the as-of date);
 * delivered milestones are those done with a completion date on or before it. Months that start
 * after the as-of date have a plan but no actual spend and no delivery yet.
 *
 * @param months every month of the plan, from month 1 to the last month of the last phase
 * @param milestones the milestones of the plan that are not dropped
 * @param initiatives every initiative that records spend by the as-of date, fastest burning first
 * @param plannedToDate planned spend by the as-of date: the plan of its month pro rata by day
 */
public record Burn(
    List<Month> months,
    int milestones,
    List<InitiativeBurn> initiatives,
    BigDecimal plannedToDate) {

  public Burn {
    months = List.copyOf(months);
    initiatives = List.copyOf(initiatives);
  }

  /**
   * One month of the plan.
   *
   * @param number the 1-based month of the plan
   * @param end its last day
   * @param planned cumulative planned spend by {@code end}
   * @param actual cumulative actual spend by {@code end}; empty for a month after the as-of date
   * @param delivered milestones done by {@code end}; empty for a month after the as-of date
   */
  public record Month(
      int number,
      LocalDate end,
      BigDecimal planned,
      Optional<BigDecimal> actual,
      Optional<Integer> delivered) {}

  /**
   * How fast one initiative burns its budget against its phase's delivery.
   *
   * @param spentPct spend to date as a percentage of the budget (zero for a zero budget)
   * @param leadPoints {@code spentPct} minus the phase's delivered percentage
   */
  public record InitiativeBurn(
      Initiative initiative,
      Phase phase,
      BigDecimal spent,
      BigDecimal spentPct,
      Spend.Delivered delivered,
      BigDecimal leadPoints) {

    /** True when spend runs more than 15 points ahead of delivery (rule budget-burn). */
    public boolean burnsAhead() {
      return Spend.burnsAhead(spent, initiative.budget(), delivered);
    }
  }

  /** True when the roadmap records any actual spend. */
  public boolean recorded() {
    return !initiatives.isEmpty();
  }

  /** The month that contains {@code asOf}'s spend: the last month with actual figures. */
  public Optional<Month> latest() {
    return months.stream().filter(m -> m.actual().isPresent()).reduce((a, b) -> b);
  }

  public static Burn of(Roadmap roadmap, LocalDate asOf) {
    int last = roadmap.phases().stream().mapToInt(Phase::lastMonth).max().orElse(0);
    List<Milestone> milestones =
        roadmap.milestones().stream().filter(m -> m.status() != Milestone.Status.DROPPED).toList();
    List<Month> months = new ArrayList<>();
    for (int k = 1; k <= last; k++) {
      LocalDate end = roadmap.monthEnd(k);
      BigDecimal planned = BigDecimal.ZERO;
      for (Phase p : roadmap.phases()) {
        int length = p.lastMonth() - p.firstMonth() + 1;
        int elapsed = Math.max(0, Math.min(length, k - p.firstMonth() + 1));
        if (length <= 0 || elapsed == 0) {
          continue;
        }
        for (Initiative i : p.initiatives()) {
          BigDecimal share =
              i.budget()
                  .multiply(BigDecimal.valueOf(elapsed))
                  .divide(BigDecimal.valueOf(length), MathContext.DECIMAL128);
          if (i.stoppedBy(asOf)) {
            // Stopped: its plan is what it spent (the rest was released): from the stop on, its
            // allocation, as budget-split's (an invoice booked after the stop included); before
            // it, no more than its spend by the stop, so that a cumulative plan never falls.
            BigDecimal spent = i.spentBy(i.stopped().orElseThrow().on());
            planned = planned.add(i.stoppedBy(end) ? i.allocationBy(end) : share.min(spent));
            continue;
          }
          planned = planned.add(share);
        }
      }
      planned = planned.setScale(2, RoundingMode.HALF_EVEN);
      boolean started = !roadmap.monthStart(k).isAfter(asOf);
      LocalDate cut = end.isAfter(asOf) ? asOf : end;
      Optional<BigDecimal> actual =
          started ? Optional.of(Spend.spentBy(roadmap, cut)) : Optional.empty();
      Optional<Integer> delivered =
          started
              ? Optional.of((int) milestones.stream().filter(m -> doneBy(m, cut, asOf)).count())
              : Optional.empty();
      months.add(new Month(k, end, planned, actual, delivered));
    }
    List<InitiativeBurn> burns = new ArrayList<>();
    for (Phase p : roadmap.phases()) {
      Spend.Delivered delivered = Spend.milestones(p.milestones(), asOf);
      for (Initiative i : p.initiatives()) {
        BigDecimal spent = i.spentBy(asOf);
        if (i.actuals().stream().noneMatch(a -> !a.date().isAfter(asOf)) || i.stoppedBy(asOf)) {
          continue;
        }
        BigDecimal pct = Spend.pct(spent, i.budget());
        burns.add(new InitiativeBurn(i, p, spent, pct, delivered, pct.subtract(delivered.pct())));
      }
    }
    burns.sort(
        Comparator.comparing(InitiativeBurn::leadPoints)
            .reversed()
            .thenComparing(Comparator.comparing(InitiativeBurn::spentPct).reversed())
            .thenComparing(b -> b.initiative().id()));
    return new Burn(months, milestones.size(), burns, plannedBy(roadmap, months, asOf));
  }

  /**
   * Planned spend by {@code day}: the planned figure at the end of the month before, plus the
   * month's planned increase times the share of its days up to and including {@code day}.
   */
  private static BigDecimal plannedBy(Roadmap roadmap, List<Month> months, LocalDate day) {
    BigDecimal before = BigDecimal.ZERO;
    for (Month m : months) {
      LocalDate start = roadmap.monthStart(m.number());
      if (day.isBefore(start)) {
        return before;
      }
      if (!day.isAfter(m.end())) {
        long days = ChronoUnit.DAYS.between(start, m.end()) + 1;
        long elapsed = ChronoUnit.DAYS.between(start, day) + 1;
        return before
            .add(
                m.planned()
                    .subtract(before)
                    .multiply(BigDecimal.valueOf(elapsed))
                    .divide(BigDecimal.valueOf(days), MathContext.DECIMAL128))
            .setScale(2, RoundingMode.HALF_EVEN);
      }
      before = m.planned();
    }
    return before;
  }

  /**
   * Done by {@code day}: completed on or before it, or done without a date once as-of is reached.
   */
  private static boolean doneBy(Milestone m, LocalDate day, LocalDate asOf) {
    if (m.status() != Milestone.Status.DONE) {
      return false;
    }
    return m.completedOn().map(d -> !d.isAfter(day)).orElse(!day.isBefore(asOf));
  }
}
