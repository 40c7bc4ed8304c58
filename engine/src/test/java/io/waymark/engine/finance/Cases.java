package io.waymark.engine.finance;

import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Metadata;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds business cases in memory, with only the fields the financials read. */
final class Cases {

  private static final Anchor AT = Anchor.ofFile("business-cases/test.yaml");

  private final List<BusinessCase.Cost> costs = new ArrayList<>();
  private final List<BusinessCase.Benefit> benefits = new ArrayList<>();
  private BigDecimal contingencyPct = BigDecimal.ZERO;
  private BusinessCase.ContingencyBasis contingencyOn = BusinessCase.ContingencyBasis.ONE_OFF;
  private BigDecimal discountRatePct = BigDecimal.valueOf(8);
  private int horizonYears = 3;
  private Optional<BigDecimal> cloud = Optional.empty();
  private Optional<BigDecimal> owned = Optional.empty();

  static Cases aCase() {
    return new Cases();
  }

  Cases oneOff(String category, long amount) {
    costs.add(new BusinessCase.Cost(category, BigDecimal.valueOf(amount), BigDecimal.ZERO, AT));
    return this;
  }

  Cases annualCost(String category, long amount) {
    costs.add(new BusinessCase.Cost(category, BigDecimal.ZERO, BigDecimal.valueOf(amount), AT));
    return this;
  }

  Cases benefit(long annual) {
    benefits.add(
        new BusinessCase.Benefit(
            "benefit",
            BigDecimal.valueOf(annual),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            AT));
    return this;
  }

  /** A cost line of {@code annual} a year, except {@code byYear[t-1]} in the years listed. */
  Cases costByYear(String category, long oneOff, long annual, long... byYear) {
    costs.add(
        new BusinessCase.Cost(
            category, BigDecimal.valueOf(oneOff), BigDecimal.valueOf(annual), amounts(byYear), AT));
    return this;
  }

  /** A benefit of {@code annual} a year, except {@code byYear[t-1]} in the years listed. */
  Cases benefitByYear(long annual, long... byYear) {
    benefits.add(
        new BusinessCase.Benefit(
            "benefit",
            BigDecimal.valueOf(annual),
            amounts(byYear),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            AT));
    return this;
  }

  /** Contingency on every cost of every year, not only the one-off costs. */
  Cases contingencyOnTotal() {
    contingencyOn = BusinessCase.ContingencyBasis.TOTAL;
    return this;
  }

  private static java.util.List<BigDecimal> amounts(long... values) {
    return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
  }

  Cases contingency(long pct) {
    contingencyPct = BigDecimal.valueOf(pct);
    return this;
  }

  Cases discountRate(String pct) {
    discountRatePct = new BigDecimal(pct);
    return this;
  }

  Cases horizon(int years) {
    horizonYears = years;
    return this;
  }

  Cases cloudVsOwned(long cloudAnnualCost, long ownedAnnualTco) {
    cloud = Optional.of(BigDecimal.valueOf(cloudAnnualCost));
    owned = Optional.of(BigDecimal.valueOf(ownedAnnualTco));
    return this;
  }

  BusinessCase build() {
    return new BusinessCase(
        new Metadata("bc-test", "Test case", "tester", Map.of()),
        BusinessCase.Status.PROPOSED,
        Optional.empty(),
        "cost-reduction",
        new BusinessCase.Problem("statement", Optional.empty(), AT),
        new BusinessCase.Solution(
            "approach", "buy", Optional.empty(), BigDecimal.TEN, cloud, owned, AT),
        costs,
        contingencyPct,
        contingencyOn,
        benefits,
        new BusinessCase.Financials(
            discountRatePct,
            horizonYears,
            new BusinessCase.Declared(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), AT),
            AT),
        new BusinessCase.Risks("if not", "if under", AT),
        AT);
  }

  CaseFinancials financials() {
    return CaseFinancials.of(build());
  }
}
