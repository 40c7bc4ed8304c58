package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A business case's realised costs are at least what the roadmap's initiatives funded by it booked
 * as actual spend by the same date: the realised return is not shown better than the books.
 */
public final class RealisedCostsUnderstatedRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "realised-costs-understated",
          Severity.ERROR,
          "business cases",
          "A business case records realised costs below the actual spend its initiatives booked by"
              + " the same date.",
          """
          The question a CFO asks a year in is not what the case projected but what it has
          returned: realised benefits against actual costs. `spec.realised` answers it, and the
          gate fact `businessCases.realisedPositiveRoi` (the guide's phase-3 gate, "positive ROI
          demonstrated") counts the approved cases whose realised benefits exceed their realised
          costs. Each initiative of the roadmap names the case that funds it and books its actual
          spend, month by month, from the finance export; what those initiatives spent by a date
          is a cost of the case by that date. Realised costs below that sum (an early figure not
          updated, only the one-off costs counted, a spreadsheet that left a workstream out) show
          a return the books do not, and can pass the ROI gate on it.""",
          """
          Record at least the initiatives' actual spend up to `realised.asOf` as
          `realised.costs`, with the case's other costs besides (the message lists what each
          initiative booked), or correct an initiative's `actuals` if one of them is wrong.""",
          """
          # roadmap.yaml: i-automate-core-pipelines (businessCase: bc-pipeline-automation)
          # booked 55,000 + 62,000 + 58,000 = 175,000 by 2027-03-31
          realised:
            benefits: 90000
            costs: 50000          # less than the 175,000 its initiative spent
            asOf: 2027-03-31
          """,
          """
          realised:
            benefits: 90000
            costs: 182000         # the initiative's 175,000 and the case's own costs
            asOf: 2027-03-31
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.BUSINESS_CASE, Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    String currency = context.plan().config().currency();
    // The initiatives each case funds, gathered once for every case.
    Map<String, List<Initiative>> funded = new HashMap<>();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Initiative i : roadmap.initiatives()) {
        i.businessCase().ifPresent(id -> funded.computeIfAbsent(id, k -> new ArrayList<>()).add(i));
      }
    }
    for (BusinessCase bc : context.plan().businessCases()) {
      if (bc.realised().isEmpty()) {
        continue;
      }
      BusinessCase.Realised realised = bc.realised().get();
      String id = bc.metadata().id();
      BigDecimal booked = BigDecimal.ZERO;
      List<String> parts = new ArrayList<>();
      for (Initiative i : funded.getOrDefault(id, List.of())) {
        BigDecimal spent = i.spentBy(realised.asOf());
        if (spent.signum() > 0) {
          booked = booked.add(spent);
          parts.add(i.id() + " " + Numbers.money(spent, currency));
        }
      }
      if (realised.costs().compareTo(booked) >= 0) {
        continue;
      }
      context.report(
          realised.at().location("costs"),
          "business case '"
              + id
              + "' records realised costs of "
              + Numbers.money(realised.costs(), currency)
              + " by "
              + realised.asOf()
              + ", less than the "
              + Numbers.money(booked, currency)
              + " of actual spend its initiatives booked by then ("
              + String.join(", ", parts)
              + "): its realised return is shown better than the books",
          "Record at least "
              + Numbers.money(booked, currency)
              + " as realised.costs (with the case's other costs besides), or correct the"
              + " initiatives' actuals.");
    }
  }
}
