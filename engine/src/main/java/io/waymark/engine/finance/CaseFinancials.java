package io.waymark.engine.finance;

import io.waymark.engine.model.BusinessCase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The computed financials of one business case (SPEC §3.1), in the figures a CFO asks for. The one
 * entry point of this package: rules and reports call {@link #of(BusinessCase)}.
 *
 * @param discountRatePct the discount rate the NPV is taken at, in percent
 * @param horizonYears H, the number of years after year 0 (capped at 100)
 * @param c0 the initial outlay: −Σ oneOff × (1 + contingencyPct/100), exact
 * @param flows C0..CH, exact; every Ct for t ≥ 1 is that year's benefits minus its costs (Σ
 *     benefits.annual − Σ costs.annual for flat lines)
 * @param benefits the benefits of each year 0..H, exact
 * @param costs the costs of each year 0..H with contingency where it applies, exact
 * @param npv Σ Ct/(1+r)^t, rounded to cents
 * @param irr the rate in percent (four decimals) at which the NPV is zero; empty when the flows
 *     never change sign or no rate makes the NPV zero
 * @param roi (Σ_{t≥1} Ct − |C0|)/|C0| × 100 (four decimals); when C0 is 0, (Σ benefits − TCO)/TCO ×
 *     100 instead; empty when the case costs nothing
 * @param roiBasis what {@code roi} is a return on; empty with it
 * @param tco every cost over the horizon: |C0| + H × Σ costs.annual for flat lines, exact
 * @param paybackMonths the first month in which cumulative cash is ≥ 0; empty when never within the
 *     horizon
 * @param cloudToOwnedPct cloudAnnualCost / ownedAnnualTco × 100 (four decimals); empty unless both
 *     are given and the owned TCO is not zero
 */
public record CaseFinancials(
    BigDecimal discountRatePct,
    int horizonYears,
    BigDecimal c0,
    List<BigDecimal> flows,
    List<BigDecimal> benefits,
    List<BigDecimal> costs,
    BigDecimal npv,
    Optional<BigDecimal> irr,
    Optional<BigDecimal> roi,
    Optional<RoiBasis> roiBasis,
    BigDecimal tco,
    Optional<Integer> paybackMonths,
    Optional<BigDecimal> cloudToOwnedPct) {

  public CaseFinancials {
    flows = List.copyOf(flows);
    benefits = List.copyOf(benefits);
    costs = List.copyOf(costs);
  }

  /** Whether the projected ROI is positive (empty: the case costs nothing, not positive). */
  public boolean positiveRoi() {
    return roi.filter(r -> r.signum() > 0).isPresent();
  }

  /**
   * These figures without the yearly cash flows, benefits and costs they were worked out from
   * (empty lists), as a run that judged each file as it was read keeps them for the rules and the
   * JSON's insights, which read the figures only; the reports, which read the years, are never
   * given them.
   */
  public CaseFinancials withoutYears() {
    return new CaseFinancials(
        discountRatePct,
        horizonYears,
        c0,
        List.of(),
        List.of(),
        List.of(),
        npv,
        irr,
        roi,
        roiBasis,
        tco,
        paybackMonths,
        cloudToOwnedPct);
  }

  /** What the ROI is a return on. */
  public enum RoiBasis {
    /** |C0|: the one-off costs with contingency (SPEC §3.1). */
    INITIAL_OUTLAY,
    /** Every cost over the horizon: the case invests nothing up front (renting, pure opex). */
    TOTAL_COST
  }

  public static CaseFinancials of(BusinessCase bc) {
    return of(CashFlows.of(bc), bc);
  }

  static CaseFinancials of(CashFlows flows, BusinessCase bc) {
    BigDecimal rate = bc.financials().discountRatePct();
    return new CaseFinancials(
        rate,
        flows.horizonYears(),
        flows.initial(),
        flows.flows(),
        flows.benefits(),
        flows.costs(),
        NetPresentValue.of(flows, rate),
        InternalRateOfReturn.of(flows, rate),
        ReturnOnInvestment.of(flows),
        ReturnOnInvestment.basis(flows).map(b -> RoiBasis.valueOf(b.name())),
        TotalCostOfOwnership.of(flows),
        PaybackPeriod.months(flows),
        CloudToOwnedRatio.of(bc.solution()));
  }

  /** Ct for t ≥ 1 when every year after year 0 has the same flow, as in a case of flat lines. */
  public Optional<BigDecimal> levelYearlyFlow() {
    if (flows.size() < 2) {
      return Optional.empty();
    }
    BigDecimal first = flows.get(1);
    return flows.stream().skip(1).allMatch(f -> f.compareTo(first) == 0)
        ? Optional.of(first)
        : Optional.empty();
  }
}
