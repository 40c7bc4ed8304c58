package io.waymark.engine.spend;

import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.gate.GateEvaluator;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spend against delivered value (issue 10 §1), shared by the spend rules: how much of a budget is
 * spent by a date, and how much of the planned value is delivered — the share of milestones done,
 * and for the programme also the share of phase-gate criteria met. Dropped milestones count neither
 * way.
 */
public final class Spend {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Spend() {}

  /** True when any initiative of the roadmap records actual spend. */
  public static boolean recorded(Roadmap roadmap) {
    return roadmap.initiatives().stream().anyMatch(i -> !i.actuals().isEmpty());
  }

  /** An initiative expected to book actual spend, and the phase it runs in. */
  public record Running(Phase phase, Initiative initiative) {}

  /**
   * The initiatives expected to book actual spend as of {@code asOf} (what {@code actuals-stale}
   * judges): those of a phase in progress that are not stopped, in roadmap order; none when the
   * roadmap records no actual spend at all (it does not track spend).
   */
  public static List<Running> running(Roadmap roadmap, LocalDate asOf) {
    List<Running> out = new ArrayList<>();
    if (!recorded(roadmap)) {
      return out;
    }
    for (Phase phase : roadmap.phases()) {
      if (phase.status() != Phase.Status.IN_PROGRESS) {
        continue;
      }
      for (Initiative i : phase.initiatives()) {
        if (!i.stoppedBy(asOf)) { // stopped: it books nothing more
          out.add(new Running(phase, i));
        }
      }
    }
    return out;
  }

  /** Delivered value as a count of done items out of a total. */
  public record Delivered(int done, int total) {
    public BigDecimal pct() {
      return total == 0
          ? BigDecimal.ZERO
          : BigDecimal.valueOf(done)
              .multiply(HUNDRED)
              .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
    }
  }

  /** The milestones of {@code phase} done by {@code asOf}, out of those not dropped. */
  public static Delivered milestones(List<Milestone> milestones, LocalDate asOf) {
    int total = 0;
    int done = 0;
    for (Milestone m : milestones) {
      if (m.status() == Milestone.Status.DROPPED) {
        continue;
      }
      total++;
      if (m.status() == Milestone.Status.DONE
          && m.completedOn().map(d -> !d.isAfter(asOf)).orElse(true)) {
        done++;
      }
    }
    return new Delivered(done, total);
  }

  /** Milestones done plus gate criteria met, over every phase of the programme. */
  public static Delivered programme(Plan plan, Roadmap roadmap, LocalDate asOf) {
    Delivered m = milestones(roadmap.milestones(), asOf);
    int met = 0;
    int criteria = 0;
    GateEvaluator evaluator = new GateEvaluator(plan);
    for (Phase phase : roadmap.phases()) {
      GateEvaluation g = evaluator.evaluate(phase, asOf);
      for (CriterionResult c : g.criteria()) {
        criteria++;
        if (c.satisfied()) {
          met++;
        }
      }
    }
    return new Delivered(m.done() + met, m.total() + criteria);
  }

  /** spent / budget × 100; zero for a zero budget. */
  public static BigDecimal pct(BigDecimal spent, BigDecimal budget) {
    return budget.signum() == 0
        ? BigDecimal.ZERO
        : spent.multiply(HUNDRED).divide(budget, MathContext.DECIMAL64);
  }

  /** The largest lead of spend over delivered value, in points, that is still fine. */
  public static final BigDecimal ALLOWED_LEAD = BigDecimal.valueOf(15);

  /**
   * True when spent/budget runs more than {@link #ALLOWED_LEAD} points ahead of done/total,
   * compared exactly: spent·100·total − done·100·budget > 15·budget·total.
   */
  public static boolean burnsAhead(BigDecimal spent, BigDecimal budget, Delivered delivered) {
    if (budget.signum() <= 0 || delivered.total() == 0) {
      return false;
    }
    BigDecimal total = BigDecimal.valueOf(delivered.total());
    BigDecimal lead =
        spent
            .multiply(HUNDRED)
            .multiply(total)
            .subtract(BigDecimal.valueOf(delivered.done()).multiply(HUNDRED).multiply(budget));
    return lead.compareTo(ALLOWED_LEAD.multiply(budget).multiply(total)) > 0;
  }

  /**
   * The latest amount on or before {@code asOf} when the initiative's actuals read like a running
   * total rather than each period's spend: at least two points, every amount larger than the one
   * before, the latest within the budget while their sum is over it. Empty otherwise.
   */
  public static Optional<BigDecimal> runningTotal(Initiative i, LocalDate asOf) {
    List<BigDecimal> amounts =
        i.actuals().stream()
            .filter(a -> !a.date().isAfter(asOf))
            .sorted(java.util.Comparator.comparing(Initiative.Actual::date))
            .map(Initiative.Actual::amount)
            .toList();
    if (amounts.size() < 2) {
      return Optional.empty();
    }
    for (int k = 1; k < amounts.size(); k++) {
      if (amounts.get(k).compareTo(amounts.get(k - 1)) <= 0) {
        return Optional.empty();
      }
    }
    BigDecimal last = amounts.get(amounts.size() - 1);
    boolean lastWithin = last.compareTo(i.budget()) <= 0;
    boolean sumOver = i.spentBy(asOf).compareTo(i.budget()) > 0;
    return lastWithin && sumOver ? Optional.of(last) : Optional.empty();
  }

  /** Every initiative's spend by {@code asOf}. */
  public static BigDecimal spentBy(Roadmap roadmap, LocalDate asOf) {
    return roadmap.initiatives().stream()
        .map(i -> i.spentBy(asOf))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
