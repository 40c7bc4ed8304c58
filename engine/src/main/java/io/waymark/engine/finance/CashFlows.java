package io.waymark.engine.finance;

import io.waymark.engine.model.BusinessCase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A case's yearly cash flows C0..CH (SPEC §3.1): C0 is minus the one-off costs plus contingency,
 * every later year the annual benefits minus the annual costs. All amounts are exact.
 */
record CashFlows(List<BigDecimal> flows) {

  /**
   * The longest horizon evaluated. The schema sets no upper bound and the input is untrusted; a
   * century of yearly flows is more than any infrastructure case needs and keeps the work bounded.
   */
  static final int MAX_HORIZON_YEARS = 100;

  CashFlows {
    if (flows.isEmpty()) {
      throw new IllegalArgumentException("cash flows need at least C0");
    }
    flows = List.copyOf(flows);
  }

  static CashFlows of(BigDecimal... flows) {
    return new CashFlows(List.of(flows));
  }

  static CashFlows of(BusinessCase bc) {
    BigDecimal oneOff = BigDecimal.ZERO;
    BigDecimal annualCosts = BigDecimal.ZERO;
    for (BusinessCase.Cost c : bc.costs()) {
      oneOff = oneOff.add(c.oneOff());
      annualCosts = annualCosts.add(c.annual());
    }
    BigDecimal annualBenefits = BigDecimal.ZERO;
    for (BusinessCase.Benefit b : bc.benefits()) {
      annualBenefits = annualBenefits.add(b.annual());
    }
    BigDecimal markUp = BigDecimal.ONE.add(bc.contingencyPct().movePointLeft(2));
    BigDecimal c0 = oneOff.multiply(markUp).negate();
    BigDecimal yearly = annualBenefits.subtract(annualCosts);
    int years = horizonYears(bc);
    List<BigDecimal> flows = new ArrayList<>(years + 1);
    flows.add(c0);
    flows.addAll(Collections.nCopies(years, yearly));
    return new CashFlows(flows);
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

  /** How often the sign changes from one non-zero flow to the next (zeros are skipped). */
  int signChanges() {
    return SignChanges.count(flows);
  }
}
