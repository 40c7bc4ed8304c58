package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Declared NPV, IRR, ROI and payback match what the cash flows give. */
public final class BcFinancialsMismatchRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "bc-financials-mismatch",
          Severity.ERROR,
          "business cases",
          "A declared NPV, IRR, ROI or payback differs from the value computed from the case.",
          """
          The figures a CFO reads first are NPV, IRR and payback, so they must follow from the
          case's own costs and benefits, not from an older spreadsheet. Waymark recomputes
          them (SPEC 3.1): C0 is minus the one-off costs plus contingency, every later year
          that year's benefits minus its costs (a line's `byYear` amount for the years it
          lists, its `annual` amount after them; with `contingencyOn: total` the contingency
          is added to every cost, not only the one-off ones); NPV discounts them at the case's
          rate; IRR is the rate at which the NPV is zero (it may be negative, and there is none
          when the flows never change sign); ROI is the undiscounted return over the horizon on
          |C0|, or, for a case with nothing invested up front (renting, pure operating
          expense), on the total cost over the horizon: (total benefits - total costs) / total
          costs; payback is the first month in which cumulative cash turns non-negative, each
          year spread evenly over its months. ROI, NPV and IRR may differ from the declared
          value by `tolerancePct` of the computed value (waymark.yaml, default 1%), for
          rounding; payback must match to the month. A declared IRR where none exists is a
          mismatch too.""",
          """
          Declare the computed value the message names, or fix the costs, benefits,
          contingency, horizon or discount rate the declared value was meant to come from.
          Remove a declared figure that does not exist for these flows (an IRR when the flows
          never change sign, a payback beyond the horizon).""",
          """
          costs:
            - {category: professional-services, oneOff: 150000}
            - {category: software-licences, annual: 31000}
          contingencyPct: 15
          benefits:
            - {description: Engineering time released, annual: 204000}
          financials:
            discountRatePct: 8
            horizonYears: 3
            declared: {npv: 300000, paybackMonths: 10}   # computed 273,337.78 and 12
          """,
          """
          costs:
            - {category: professional-services, oneOff: 150000}
            - {category: software-licences, annual: 31000}
          contingencyPct: 15
          benefits:
            - {description: Engineering time released, annual: 204000}
          financials:
            discountRatePct: 8
            horizonYears: 3
            declared: {roi: 200.9, npv: 273338, irr: 84.3, paybackMonths: 12}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    String currency = context.plan().config().currency();
    BigDecimal tolerancePct = context.plan().config().tolerancePct().max(BigDecimal.ZERO);
    for (BusinessCase bc : context.plan().businessCases()) {
      BusinessCase.Declared declared = bc.financials().declared();
      if (declared.roi().isEmpty()
          && declared.npv().isEmpty()
          && declared.irr().isEmpty()
          && declared.paybackMonths().isEmpty()) {
        continue;
      }
      CaseFinancials computed = context.financials(bc);
      Figures figures =
          new Figures(
              context, declared, tolerancePct, () -> CashFlowBasis.describe(computed, currency));
      figures.relative(
          "npv",
          "NPV",
          declared.npv(),
          Optional.of(computed.npv()),
          v -> Numbers.money(v, currency),
          "");
      figures.relative(
          "irr",
          "IRR",
          declared.irr(),
          computed.irr(),
          Numbers::percent,
          "no discount rate makes the NPV of these cash flows zero, so there is no IRR");
      figures.relative(
          "roi",
          "ROI",
          declared.roi(),
          computed.roi(),
          Numbers::percent,
          "the case costs nothing over its horizon, so ROI is undefined");
      payback(context, declared, computed, () -> CashFlowBasis.describe(computed, currency));
    }
  }

  private static void payback(
      RuleContext context,
      BusinessCase.Declared declared,
      CaseFinancials computed,
      Supplier<String> basis) {
    if (declared.paybackMonths().isEmpty()) {
      return;
    }
    BigDecimal months = declared.paybackMonths().get();
    if (computed.paybackMonths().isPresent()
        && months.compareTo(BigDecimal.valueOf(computed.paybackMonths().get())) == 0) {
      return;
    }
    Location where = declared.at().location("paybackMonths");
    String stated = "declared payback " + Numbers.plain(months) + " months";
    if (computed.paybackMonths().isEmpty()) {
      context.report(
          where,
          stated
              + ", but cumulative cash never turns non-negative within the "
              + computed.horizonYears()
              + "-year horizon; "
              + basis.get(),
          "Remove 'paybackMonths', or fix the costs and benefits: this case does not pay back.");
    } else if (months.compareTo(BigDecimal.valueOf(computed.paybackMonths().get())) != 0) {
      int m = computed.paybackMonths().get();
      context.report(
          where,
          stated + ", computed " + m + " months; " + basis.get(),
          "Declare 'paybackMonths: " + m + "', or fix the costs and benefits it came from.");
    }
  }

  /** Compares declared figures with computed ones within a relative tolerance. */
  private record Figures(
      RuleContext context,
      BusinessCase.Declared declared,
      BigDecimal tolerancePct,
      Supplier<String> basis) {

    void relative(
        String field,
        String name,
        Optional<BigDecimal> stated,
        Optional<BigDecimal> computed,
        Function<BigDecimal, String> format,
        String whyNone) {
      if (stated.isEmpty()) {
        return;
      }
      // The location and wording are made only for a finding: most cases agree with their figures.
      if (computed.isEmpty()) {
        Location where = declared.at().location(field);
        String said = "declared " + name + " " + format.apply(stated.get());
        context.report(
            where,
            said + ", but " + whyNone + "; " + basis.get(),
            "Remove '" + field + "' from financials.declared, or fix the cash flows.");
        return;
      }
      BigDecimal difference = stated.get().subtract(computed.get()).abs();
      BigDecimal allowed = computed.get().abs().multiply(tolerancePct).movePointLeft(2);
      if (difference.compareTo(allowed) <= 0) {
        return;
      }
      Location where = declared.at().location(field);
      String said = "declared " + name + " " + format.apply(stated.get());
      String off =
          computed.get().signum() == 0
              ? " (tolerance " + Numbers.percent(tolerancePct) + ")"
              : " ("
                  + Numbers.percent(
                      difference
                          .movePointRight(2)
                          .divide(computed.get().abs(), MathContext.DECIMAL64))
                  + " off, tolerance "
                  + Numbers.percent(tolerancePct)
                  + ")";
      context.report(
          where,
          said + ", computed " + format.apply(computed.get()) + off + "; " + basis.get(),
          "Declare '"
              + field
              + ": "
              + Numbers.plain(computed.get())
              + "', or fix the costs, benefits, contingency or discount rate it came from.");
    }
  }
}
