package io.waymark.engine;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.gate.GateEvaluator;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorScore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What Waymark computed about the plan, beyond findings: every gate's criteria status (met, not
 * met, no data) at its decision date or as of today for pending gates, every vendor's weighted
 * score and band, every business case's recomputed financials. The JSON output and the reports read
 * these.
 */
public record Insights(
    List<GateEvaluation> gates, List<VendorRating> vendors, List<CaseFigures> businessCases) {

  /** A vendor's computed score next to the declared decision. */
  public record VendorRating(
      String evaluation, VendorEvaluation.Vendor vendor, VendorScore score) {}

  /** A business case's recomputed financials next to what it declares. */
  public record CaseFigures(BusinessCase businessCase, CaseFinancials computed) {}

  public Insights {
    gates = List.copyOf(gates);
    vendors = List.copyOf(vendors);
    businessCases = List.copyOf(businessCases);
  }

  static Insights of(Plan plan, LocalDate asOf) {
    List<VendorRating> vendors = new ArrayList<>();
    for (VendorEvaluation evaluation : plan.vendorEvaluations()) {
      for (VendorEvaluation.Vendor v : evaluation.vendors()) {
        vendors.add(new VendorRating(evaluation.metadata().id(), v, VendorScore.of(evaluation, v)));
      }
    }
    List<CaseFigures> cases = new ArrayList<>();
    for (BusinessCase bc : plan.businessCases()) {
      cases.add(new CaseFigures(bc, CaseFinancials.of(bc)));
    }
    return new Insights(GateEvaluator.evaluate(plan, asOf), vendors, cases);
  }
}
