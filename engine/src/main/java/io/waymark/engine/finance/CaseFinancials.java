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
 * @param flows C0..CH, exact; every Ct for t ≥ 1 is Σ benefits.annual − Σ costs.annual
 * @param npv Σ Ct/(1+r)^t, rounded to cents
 * @param irr the rate in percent (four decimals) at which the NPV is zero; empty when the flows
 *     never change sign or no rate makes the NPV zero
 * @param roi (Σ_{t≥1} Ct − |C0|)/|C0| × 100 (four decimals); empty when C0 is 0
 * @param tco |C0| + H × Σ costs.annual, exact
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
    BigDecimal npv,
    Optional<BigDecimal> irr,
    Optional<BigDecimal> roi,
    BigDecimal tco,
    Optional<Integer> paybackMonths,
    Optional<BigDecimal> cloudToOwnedPct) {

  public CaseFinancials {
    flows = List.copyOf(flows);
  }

  public static CaseFinancials of(BusinessCase bc) {
    CashFlows flows = CashFlows.of(bc);
    BigDecimal rate = bc.financials().discountRatePct();
    return new CaseFinancials(
        rate,
        flows.horizonYears(),
        flows.initial(),
        flows.flows(),
        NetPresentValue.of(flows, rate),
        InternalRateOfReturn.of(flows, rate),
        ReturnOnInvestment.of(flows),
        TotalCostOfOwnership.of(bc, flows),
        PaybackPeriod.months(flows),
        CloudToOwnedRatio.of(bc.solution()));
  }

  /** Ct for t ≥ 1 when every year after year 0 has the same flow, as in every business case. */
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
