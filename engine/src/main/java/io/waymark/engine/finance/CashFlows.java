package io.waymark.engine.finance;

import io.waymark.engine.model.BusinessCase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A case's yearly cash flows C0..CH (SPEC §3.1), with the benefits and costs each flow is made of.
 * C0 is minus the one-off costs with contingency; every later year t its benefits minus its costs
 * (a line's {@code byYear} amount for that year, else its {@code annual} amount), the costs with
 * contingency when it is declared on the total cost. All amounts are exact.
 *
 * @param flows C0..CH
 * @param benefits the benefits of each year 0..H (year 0 is always 0)
 * @param costs the costs of each year 0..H, contingency included where it applies
 */
record CashFlows(List<BigDecimal> flows, List<BigDecimal> benefits, List<BigDecimal> costs) {

  /**
   * The longest horizon evaluated. The schema sets no upper bound and the input is untrusted; a
   * century of yearly flows is more than any infrastructure case needs and keeps the work bounded.
   */
  static final int MAX_HORIZON_YEARS = 100;

  CashFlows {
    if (flows.isEmpty()) {
      throw new IllegalArgumentException("cash flows need at least C0");
    }
    if (benefits.size() != flows.size() || costs.size() != flows.size()) {
      throw new IllegalArgumentException("benefits and costs must cover the years of the flows");
    }
    flows = List.copyOf(flows);
    benefits = List.copyOf(benefits);
    costs = List.copyOf(costs);
  }

  /** Flows on their own: a positive flow counts as benefit, a negative one as cost. */
  CashFlows(List<BigDecimal> flows) {
    this(
        flows,
        flows.stream().map(f -> f.max(BigDecimal.ZERO)).toList(),
        flows.stream().map(f -> f.min(BigDecimal.ZERO).negate()).toList());
  }

  static CashFlows of(BigDecimal... flows) {
    return new CashFlows(List.of(flows));
  }

  /** Year by year benefits and costs (year 0 first); each flow is benefit minus cost. */
  static CashFlows ofParts(List<BigDecimal> benefits, List<BigDecimal> costs) {
    List<BigDecimal> flows = new ArrayList<>(benefits.size());
    for (int t = 0; t < benefits.size(); t++) {
      flows.add(benefits.get(t).subtract(costs.get(t)));
    }
    return new CashFlows(flows, benefits, costs);
  }

  static CashFlows of(BusinessCase bc) {
    if (bc.isReleased()) {
      throw new IllegalStateException(
          "the figures of business case "
              + bc.metadata().id()
              + " were worked out before its cost and benefit lines were released");
    }
    BigDecimal markUp = BigDecimal.ONE.add(bc.contingencyPct().movePointLeft(2));
    BigDecimal recurringMarkUp =
        bc.contingencyOn() == BusinessCase.ContingencyBasis.TOTAL ? markUp : BigDecimal.ONE;
    int years = horizonYears(bc);
    List<BigDecimal> benefits = new ArrayList<>(years + 1);
    List<BigDecimal> costs = new ArrayList<>(years + 1);
    BigDecimal oneOff = BigDecimal.ZERO;
    for (BusinessCase.Cost c : bc.costs()) {
      oneOff = oneOff.add(c.oneOff());
    }
    benefits.add(BigDecimal.ZERO);
    costs.add(oneOff.multiply(markUp));
    for (int t = 1; t <= years; t++) {
      BigDecimal cost = BigDecimal.ZERO;
      for (BusinessCase.Cost c : bc.costs()) {
        cost = cost.add(c.inYear(t));
      }
      BigDecimal benefit = BigDecimal.ZERO;
      for (BusinessCase.Benefit b : bc.benefits()) {
        benefit = benefit.add(b.inYear(t));
      }
      benefits.add(benefit);
      costs.add(cost.multiply(recurringMarkUp));
    }
    return ofParts(benefits, costs);
  }

  /**
   * These flows with every benefit times {@code benefitFactor} and every cost times {@code
   * costFactor}.
   */
  CashFlows scaled(BigDecimal benefitFactor, BigDecimal costFactor) {
    return ofParts(
        benefits.stream().map(b -> b.multiply(benefitFactor)).toList(),
        costs.stream().map(c -> c.multiply(costFactor)).toList());
  }

  /** The horizon actually evaluated: the declared one, within 0..{@link #MAX_HORIZON_YEARS}. */
  static int horizonYears(BusinessCase bc) {
    return Math.max(0, Math.min(MAX_HORIZON_YEARS, bc.financials().horizonYears()));
  }

  int horizonYears() {
    return flows.size() - 1;
  }

  /** C0: the initial outlay, usually negative. */
  BigDecimal initial() {
    return flows.get(0);
  }

  /** Ct for year {@code t}. */
  BigDecimal at(int t) {
    return flows.get(t);
  }

  /** The sum of C1..CH. */
  BigDecimal sumAfterInitial() {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal c : flows.subList(1, flows.size())) {
      sum = sum.add(c);
    }
    return sum;
  }

  /** Every cost over the horizon, year 0 included. */
  BigDecimal totalCost() {
    return costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Every benefit over the horizon. */
  BigDecimal totalBenefit() {
    return benefits.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** How often the sign changes from one non-zero flow to the next (zeros are skipped). */
  int signChanges() {
    return SignChanges.count(flows);
  }
}
